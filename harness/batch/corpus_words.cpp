// The word lists. Greek and Cyrillic words use precomposed letters only, so every code
// point of them is in its script (a combining accent is script Inherited and would split
// a \p{Greek}+ match differently in engines with older Unicode tables).
#include "batch/corpus_words.h"

#include <array>

namespace claimbench::batch {
namespace {

// Heavy on four-letter lowercase words and -ing words, which two regex patterns count.
constexpr std::array<std::string_view, 128> kEnglish = {
    "the",     "of",       "and",     "to",      "in",       "that",     "was",      "his",     "with",
    "have",    "this",     "from",    "they",    "been",     "were",     "said",     "what",    "when",
    "your",    "more",     "will",    "into",    "upon",     "door",     "room",     "time",    "came",
    "back",    "know",     "hand",    "face",    "very",     "some",     "over",     "such",    "only",
    "then",    "them",     "well",    "down",    "must",     "here",     "fact",     "case",    "seen",
    "morning", "evening",  "nothing", "something", "thing",  "being",    "looking",  "going",   "king",
    "during",  "having",   "speaking", "waiting", "building", "reading", "writing",  "sitting", "standing",
    "a",       "I",        "he",      "it",      "is",       "had",      "for",      "at",      "not",
    "but",     "you",      "on",      "as",      "be",       "my",       "by",       "which",   "one",
    "all",     "there",    "would",   "could",   "should",   "little",   "before",   "after",   "street",
    "window",  "letter",   "friend",  "doctor",  "inspector", "detective", "evidence", "London", "Baker",
    "matter",  "remarked", "observed", "strange", "singular", "curious", "quietly",  "indeed",  "perhaps",
    "however", "therefore", "presently", "already", "Holmes",  "Mrs",      "Mr",       "Dr",      "St",
    "Yard",    "Scotland", "lodgings", "violin",  "pipe",     "tobacco",  "carriage", "station", "train",
    "telegram", "murder",
};

constexpr std::array<std::string_view, 30> kLatin = {
    "café",    "naïve",  "über",   "señor",     "façade",  "niño",    "crème",   "déjà",   "Zürich",  "São",
    "Ångström", "smörgåsbord", "jalapeño", "piñata", "résumé", "Dvořák", "Łódź", "Kraków", "garçon", "où",
    "être",    "fiancée", "Málaga", "Bogotá",    "Øresund", "Ærø",     "straße",  "Köln",   "Müller",  "élève",
};

constexpr std::array<std::string_view, 20> kGreek = {
    "καλημέρα", "κόσμος", "Αθήνα",   "θάλασσα", "ήλιος", "φίλος",  "νερό",  "σπίτι", "ευχαριστώ", "Ελλάδα",
    "λόγος",    "ψυχή",   "αγάπη",   "χρόνος",  "ΟΜΗΡΟΣ", "ΑΛΦΑ", "ωραία", "δρόμος", "πόλη",     "ξένος",
};

constexpr std::array<std::string_view, 20> kCyrillic = {
    "привет", "мир",   "Москва", "спасибо", "хорошо",  "книга",   "дом",  "вода",  "солнце", "Россия",
    "время",  "человек", "любовь", "ПРАВДА", "ёлка",   "Київ",    "їжак", "Беларусь", "улица", "сыщик",
};

constexpr std::array<std::string_view, 20> kCjk = {
    "東京", "日本語", "こんにちは", "中文", "北京",   "ラーメン", "漢字", "ありがとう", "大阪", "한국어",
    "上海", "さくら", "カタカナ",   "𠮷野家", "𩸽",  "探偵",     "서울", "福尔摩斯",   "事件", "ワトソン",
};

constexpr std::array<std::string_view, 16> kEmoji = {
    "😀", "🎉", "🚀", "❤️", "👍", "🔥", "🙈", "✨", "☕", "🐍", "🦀", "👨‍👩‍👧", "🇯🇵", "🕵️", "🔍", "🎻",
};

}  // namespace

std::span<const std::string_view> Words(Script script) {
  switch (script) {
    case Script::kEnglish: return kEnglish;
    case Script::kLatin: return kLatin;
    case Script::kGreek: return kGreek;
    case Script::kCyrillic: return kCyrillic;
    case Script::kCjk: return kCjk;
    case Script::kEmoji: return kEmoji;
  }
  return kEnglish;
}

Script ForeignScript(Rng& rng) {
  static constexpr std::array<Script, 5> kForeign = {Script::kLatin, Script::kGreek, Script::kCyrillic,
                                                     Script::kCjk, Script::kEmoji};
  return rng.Pick(kForeign);
}

}  // namespace claimbench::batch
