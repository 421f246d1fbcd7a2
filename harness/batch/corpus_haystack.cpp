// The `haystack` corpus (regex): lines of prose-like words, mostly English, one word in
// eight in another script, with the names, dates, email addresses and URLs that the
// patterns of workloads/regex/README.md look for, each at a rate that gives thousands
// of matches (rebar's haystacks are real books; a generated one is reproducible from a
// seed and still exercises the same engine paths).
#include <algorithm>
#include <array>
#include <string>

#include "batch/corpus_generators.h"
#include "batch/corpus_rng.h"
#include "batch/corpus_words.h"

namespace claimbench::batch {
namespace {

constexpr size_t kTargetBytes = size_t{12} << 20;

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// A name from the literal-alternation pattern, Sherlock most often, in varying case so
/// that `(?i)sherlock` finds more than `Sherlock` does.
void AppendName(std::string& out, Rng& rng) {
  static constexpr std::array<std::string_view, 10> kNames = {
      "Sherlock", "Sherlock", "Sherlock", "Sherlock", "Watson", "Adler", "Lestrade", "Moriarty", "Hudson", "Watson"};
  std::string_view name = rng.Pick(kNames);
  uint64_t style = rng.Below(100);
  for (char c : name) {
    if (style < 70) {
      out += c;  // as written: Title case
    } else if (style < 80) {
      out += Upper(c);
    } else if (style < 90) {
      out += Lower(c);
    } else {
      out += rng.OneIn(2) ? Upper(c) : Lower(c);
    }
  }
  if (rng.OneIn(5)) out += "'s";
}

void AppendDigits(std::string& out, int64_t value, int width) {
  std::string digits = std::to_string(value);
  out.append(static_cast<size_t>(width) - std::min(digits.size(), static_cast<size_t>(width)), '0');
  out += digits;
}

void AppendDate(std::string& out, Rng& rng) {
  AppendDigits(out, rng.Between(1850, 2029), 4);
  out += '-';
  AppendDigits(out, rng.Between(1, 12), 2);
  out += '-';
  AppendDigits(out, rng.Between(1, 28), 2);
}

void AppendEmail(std::string& out, Rng& rng) {
  static constexpr std::array<std::string_view, 6> kDomains = {
      "example.com",      "baker-street.co.uk",   "yard.police.uk",
      "mail.example.org", "consulting.detective", "telegraph.net"};
  std::string_view first = PickWord(Script::kEnglish, rng);
  out += first;
  if (rng.OneIn(2)) {
    out += rng.OneIn(2) ? '.' : '_';
    out += PickWord(Script::kEnglish, rng);
  }
  if (rng.OneIn(3)) out += std::to_string(rng.Below(1000));
  out += '@';
  out += rng.Pick(kDomains);
}

void AppendUrl(std::string& out, Rng& rng) {
  static constexpr std::array<std::string_view, 5> kHosts = {
      "www.example.com", "archive.example.org", "en.wikipedia.org", "baker-street.co.uk", "t.co"};
  out += rng.OneIn(4) ? "http://" : "https://";
  out += rng.Pick(kHosts);
  for (int64_t segments = rng.Between(0, 3); segments > 0; --segments) {
    out += '/';
    out += PickWord(Script::kEnglish, rng);
  }
  if (rng.OneIn(4)) out += "/index.html";
}

/// One word slot: a pattern target now and then, else a word, 1 in 8 of them foreign.
void AppendWord(std::string& out, bool sentence_start, Rng& rng) {
  uint64_t r = rng.Below(1000);
  if (r < 10) return AppendName(out, rng);
  if (r < 13) return AppendDate(out, rng);
  if (r < 16) return AppendEmail(out, rng);
  if (r < 19) return AppendUrl(out, rng);
  if (r < 144) {
    out += PickWord(ForeignScript(rng), rng);
    return;
  }
  std::string_view word = PickWord(Script::kEnglish, rng);
  out += sentence_start ? Upper(word[0]) : word[0];
  out.append(word.substr(1));
}

}  // namespace

std::string GenerateHaystack(uint64_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(kTargetBytes + 4096);
  bool sentence_start = true;
  while (out.size() < kTargetBytes) {
    for (int64_t words = rng.Between(6, 16); words > 0; --words) {
      AppendWord(out, sentence_start, rng);
      sentence_start = false;
      uint64_t r = rng.Below(100);
      if (r < 6) {
        out += ',';
      } else if (r < 12) {
        out += rng.OneIn(5) ? '?' : '.';
        sentence_start = true;
      }
      out += words > 1 ? ' ' : '\n';
    }
    if (rng.OneIn(20)) out += '\n';  // a paragraph break
  }
  return out;
}

}  // namespace claimbench::batch
