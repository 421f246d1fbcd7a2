// The `tweets` corpus (json-parse): statuses shaped like twitter.json (the simdjson and
// nativejson-benchmark reference file), whose strings mix scripts and spell characters
// both raw and as escapes, so that a parser's string decoding is exercised as a real API
// response exercises it. Shape: workloads/json-parse/README.md.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "batch/corpus_generators.h"
#include "batch/corpus_json_writer.h"
#include "batch/corpus_rng.h"
#include "batch/corpus_words.h"

namespace claimbench::batch {
namespace {

constexpr size_t kTargetBytes = size_t{4} << 20;
constexpr size_t kUsers = 1500;

/// In (2^53, 2^63): above the doubles' exact integers, so a parser that reads ids as
/// doubles gets them wrong, and below 2^63 so that they fit int64 too.
uint64_t LargeId(Rng& rng) {
  constexpr uint64_t kLow = (uint64_t{1} << 53) + 1;
  return kLow + rng.Below((uint64_t{1} << 63) - kLow);
}

/// How one string's characters are spelled in the JSON text.
struct Spelling {
  uint64_t escaped_per_mille = 0;  ///< share of non-ASCII code points written as \uXXXX
  bool escape_slash = false;       ///< '/' as "\/" (as Twitter's API writes URLs)
  bool upper_hex = false;
};

Spelling PickSpelling(Rng& rng) {
  static constexpr std::array<uint64_t, 3> kModes = {0, 1000, 500};  // raw, all escaped, mixed
  return {rng.Pick(kModes), rng.OneIn(2), rng.OneIn(4)};
}

void AppendUnicodeEscape(std::string& out, uint32_t unit, bool upper) {
  const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex[(unit >> shift) & 0xf];
}

/// `text` (valid UTF-8) as a JSON string spelled as `spelling` says; code points above
/// U+FFFF become surrogate pairs when escaped.
std::string Encode(std::string_view text, const Spelling& spelling, Rng& rng) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      switch (lead) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '/': out += spelling.escape_slash ? "\\/" : "/"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default: out += static_cast<char>(lead);
      }
      ++i;
      continue;
    }
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (rng.PerMille(spelling.escaped_per_mille)) {
      uint32_t cp = lead & (0x7f >> len);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
      if (cp >= 0x10000) {
        cp -= 0x10000;
        AppendUnicodeEscape(out, 0xd800 + (cp >> 10), spelling.upper_hex);
        AppendUnicodeEscape(out, 0xdc00 + (cp & 0x3ff), spelling.upper_hex);
      } else {
        AppendUnicodeEscape(out, cp, spelling.upper_hex);
      }
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  out += '"';
  return out;
}

/// Encode with a spelling drawn for this string.
std::string Encode(std::string_view text, Rng& rng) {
  Spelling spelling = PickSpelling(rng);
  return Encode(text, spelling, rng);
}

struct Hashtag {
  std::string text;
  int start = 0, end = 0;  ///< code-point offsets of "#text" in the status text
};
struct Url {
  std::string url, expanded_url;
};

/// A text being built and its length in code points, which hashtag indices count (as
/// Twitter's API does).
class TextBuilder {
 public:
  void Append(std::string_view s) {
    text_ += s;
    for (char c : s) code_points_ += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }
  int code_points() const { return code_points_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  int code_points_ = 0;
};

struct Language {
  std::string_view code;
  Script script;              ///< the script of most non-English words
  uint64_t native_per_mille;  ///< share of words in `script`
};
constexpr std::array<Language, 8> kLanguages = {{{"en", Script::kEnglish, 0},
                                                 {"en", Script::kEnglish, 0},
                                                 {"en", Script::kEnglish, 0},
                                                 {"ja", Script::kCjk, 600},
                                                 {"ru", Script::kCyrillic, 600},
                                                 {"el", Script::kGreek, 600},
                                                 {"es", Script::kLatin, 300},
                                                 {"fr", Script::kLatin, 300}}};

std::string_view Word(const Language& lang, Rng& rng) {
  if (rng.PerMille(lang.native_per_mille)) return PickWord(lang.script, rng);
  if (rng.PerMille(150)) return PickWord(ForeignScript(rng), rng);
  return PickWord(Script::kEnglish, rng);
}

std::string ScreenName(Rng& rng) {
  static constexpr std::string_view kChars = "abcdefghijklmnopqrstuvwxyz0123456789_";
  std::string s;
  for (int64_t n = rng.Between(4, 15); n > 0; --n) s += kChars[rng.Below(kChars.size())];
  return s;
}

std::string AlphaNumeric(Rng& rng, int n) {
  static constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (; n > 0; --n) s += kChars[rng.Below(kChars.size())];
  return s;
}

/// Words with the punctuation, quotes, backslashes, newlines and tabs that make a JSON
/// string decoder work; hashtags and URLs are recorded when `hashtags`/`urls` are given.
std::string Prose(const Language& lang, int64_t words, const std::vector<std::string>& screen_names, Rng& rng,
                  std::vector<Hashtag>* hashtags = nullptr, std::vector<Url>* urls = nullptr) {
  static constexpr std::array<std::string_view, 5> kBackslashed = {"C:\\Users\\holmes", "¯\\_(ツ)_/¯", "\\o/",
                                                                   "a\\b", "1/2 \\ 3/4"};
  static constexpr std::array<std::string_view, 6> kSeparators = {" ", " ", " ", ", ", "\n", "\t"};
  TextBuilder b;
  if (hashtags && rng.PerMille(100)) b.Append("RT @" + rng.Pick(screen_names) + ": ");
  for (int64_t i = 0; i < words; ++i) {
    if (i > 0) b.Append(rng.PerMille(900) ? " " : rng.Pick(kSeparators));
    uint64_t r = rng.Below(1000);
    if (r < 50 && hashtags) {
      Hashtag tag{std::string(rng.PerMille(700) ? PickWord(Script::kEnglish, rng) : Word(lang, rng)), 0, 0};
      tag.start = b.code_points();
      b.Append("#" + tag.text);
      tag.end = b.code_points();
      hashtags->push_back(std::move(tag));
    } else if (r < 80) {
      b.Append("@" + rng.Pick(screen_names));
    } else if (r < 110) {
      b.Append("\"");
      b.Append(Word(lang, rng));
      b.Append("\"");
    } else if (r < 125) {
      b.Append(rng.Pick(kBackslashed));
    } else {
      b.Append(Word(lang, rng));
    }
  }
  if (urls && rng.PerMille(300)) {
    Url url;
    url.url = "https://t.co/" + AlphaNumeric(rng, 10);
    url.expanded_url = "https://www.example.com/" + std::string(PickWord(Script::kEnglish, rng));
    url.expanded_url += "/" + std::to_string(rng.Below(100000));
    b.Append(" " + url.url);
    urls->push_back(std::move(url));
  }
  return b.text();
}

std::string CreatedAt(Rng& rng) {
  static constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // One draw per statement: the order in which function arguments are evaluated is
  // unspecified, and the bytes must not depend on the compiler.
  std::string_view day = rng.Pick(kDays);
  std::string_view month = rng.Pick(kMonths);
  int64_t date = rng.Between(1, 28);
  uint64_t hours = rng.Below(24);
  uint64_t minutes = rng.Below(60);
  uint64_t seconds = rng.Below(60);
  int64_t year = rng.Between(2009, 2024);
  return fmt::format("{} {} {:02} {:02}:{:02}:{:02} +0000 {}", day, month, date, hours, minutes, seconds, year);
}

/// A count spread over orders of magnitude, as follower and retweet counts are.
int64_t Count(Rng& rng, int64_t max_digits) {
  uint64_t bound = 1;
  for (int64_t d = rng.Between(0, max_digits); d > 0; --d) bound *= 10;
  return static_cast<int64_t>(rng.Below(bound));
}

/// A user object, encoded once: users post many statuses, as in the real file.
std::string User(const std::string& screen_name, const std::vector<std::string>& screen_names, Rng& rng) {
  static constexpr std::array<std::string_view, 10> kLocations = {
      "", "London", "221B Baker Street, London", "東京", "Москва", "Αθήνα, Ελλάδα", "São Paulo / Brasil",
      "Zürich 🇨🇭", "Paris \\ France", "New York, NY"};
  const Language& lang = rng.Pick(kLanguages);
  uint64_t id = LargeId(rng);
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.Uint(id);
  w.Key("id_str");
  w.String(std::to_string(id));
  w.Key("name");
  std::string name = Prose(lang, rng.Between(1, 3), screen_names, rng);
  w.Raw(Encode(name, rng));
  w.Key("screen_name");
  w.String(screen_name);
  w.Key("location");
  std::string_view location = rng.Pick(kLocations);
  w.Raw(Encode(location, rng));
  w.Key("description");
  std::string description = Prose(lang, rng.Between(0, 16), screen_names, rng);
  w.Raw(Encode(description, rng));
  w.Key("followers_count");
  w.Int(Count(rng, 7));
  w.Key("friends_count");
  w.Int(Count(rng, 5));
  w.Key("verified");
  w.Bool(rng.PerMille(80));
  w.EndObject();
  return out;
}

void Status(JsonWriter& w, const std::string& user, const std::vector<std::string>& screen_names, uint64_t id,
            Rng& rng) {
  const Language& lang = rng.Pick(kLanguages);
  std::vector<Hashtag> hashtags;
  std::vector<Url> urls;
  std::string text = Prose(lang, rng.Between(4, 24), screen_names, rng, &hashtags, &urls);
  w.BeginObject();
  w.Key("created_at");
  w.String(CreatedAt(rng));
  w.Key("id");
  w.Uint(id);
  w.Key("id_str");
  w.String(std::to_string(id));
  w.Key("text");
  w.Raw(Encode(text, rng));
  w.Key("lang");
  w.String(lang.code);
  w.Key("user");
  w.Raw(user);
  w.Key("entities");
  w.BeginObject();
  w.Key("hashtags");
  w.BeginArray();
  for (const auto& tag : hashtags) {
    w.BeginObject();
    w.Key("text");
    w.Raw(Encode(tag.text, rng));
    w.Key("indices");
    w.BeginArray();
    w.Int(tag.start);
    w.Int(tag.end);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("urls");
  w.BeginArray();
  for (const auto& url : urls) {
    Spelling spelling = PickSpelling(rng);
    w.BeginObject();
    w.Key("url");
    w.Raw(Encode(url.url, spelling, rng));
    w.Key("expanded_url");
    w.Raw(Encode(url.expanded_url, spelling, rng));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("retweet_count");
  w.Int(rng.PerMille(600) ? 0 : Count(rng, 5));
  w.Key("favorite_count");
  w.Int(rng.PerMille(500) ? 0 : Count(rng, 5));
  w.Key("in_reply_to_status_id");
  if (rng.PerMille(250)) {
    w.Uint(LargeId(rng));
  } else {
    w.Null();
  }
  w.Key("coordinates");
  if (rng.PerMille(100)) {
    // Rounded to 8 decimals like GPS fixes; round and divide are exact IEEE operations,
    // so the digits are the same on every platform.
    double lon = std::round((-180.0 + 360.0 * rng.Unit()) * 1e8) / 1e8;
    double lat = std::round((-90.0 + 180.0 * rng.Unit()) * 1e8) / 1e8;
    w.BeginObject();
    w.Key("type");
    w.String("Point");
    w.Key("coordinates");
    w.BeginArray();
    w.Double(lon);
    w.Double(lat);
    w.EndArray();
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
}

}  // namespace

std::string GenerateTweets(uint64_t seed) {
  Rng rng(seed);
  std::vector<std::string> screen_names;
  for (size_t i = 0; i < kUsers; ++i) screen_names.push_back(ScreenName(rng));
  std::vector<std::string> users;
  for (const auto& name : screen_names) users.push_back(User(name, screen_names, rng));

  std::string out;
  out.reserve(kTargetBytes + (64 << 10));
  JsonWriter w(out);
  w.BeginObject();
  w.Key("statuses");
  w.BeginArray();
  uint64_t count = 0, max_id = 0;
  while (out.size() < kTargetBytes) {
    uint64_t id = LargeId(rng);
    max_id = std::max(max_id, id);
    Status(w, rng.Pick(users), screen_names, id, rng);
    ++count;
  }
  w.EndArray();
  w.Key("search_metadata");
  w.BeginObject();
  w.Key("count");
  w.Uint(count);
  w.Key("max_id");
  w.Uint(max_id);
  w.Key("query");
  w.String("#Sherlock OR \"Baker Street\"");
  w.Key("completed_in");
  w.Double(static_cast<double>(rng.Between(1, 999)) / 1000.0);
  w.EndObject();
  w.EndObject();
  return out;
}

}  // namespace claimbench::batch
