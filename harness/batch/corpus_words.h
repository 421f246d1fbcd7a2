// Word lists shared by the text-bearing corpora (tweets, haystack): English, and words in
// the other scripts the workloads exercise, as UTF-8.
#pragma once

#include <span>
#include <string_view>

#include "batch/corpus_rng.h"

namespace claimbench::batch {

enum class Script { kEnglish, kLatin, kGreek, kCyrillic, kCjk, kEmoji };

/// The words of one script. kLatin: accented Latin; kCjk: Chinese, Japanese and Korean,
/// with a few code points above U+FFFF; kEmoji: single emoji and ZWJ/flag sequences.
std::span<const std::string_view> Words(Script script);

/// A non-English script, evenly: accented Latin, Greek, Cyrillic, CJK or emoji.
Script ForeignScript(Rng& rng);

inline std::string_view PickWord(Script script, Rng& rng) { return rng.Pick(Words(script)); }

}  // namespace claimbench::batch
