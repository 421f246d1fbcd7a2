// The batch corpora: SHA-256, the JSON writer, and each generator's determinism and the
// shapes and rates that workloads/*/README.md promise, checked on the real output with
// parsers and scanners that share no code with the generators.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "batch/corpus.h"
#include "batch/corpus_json_writer.h"
#include "util/files.h"

namespace claimbench::batch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

constexpr uint64_t kTwoTo53 = uint64_t{1} << 53;
constexpr uint64_t kTwoTo63 = uint64_t{1} << 63;

/// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). Returns the
/// offset of the first bad byte, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto cont = [&](size_t k) { return (b(k) & 0xc0) == 0x80; };
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(1)) len = 2;
    else if (c == 0xe0 && b(1) >= 0xa0 && b(1) <= 0xbf && cont(2)) len = 3;
    else if (((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) && cont(1) && cont(2)) len = 3;
    else if (c == 0xed && b(1) >= 0x80 && b(1) <= 0x9f && cont(2)) len = 3;
    else if (c == 0xf0 && b(1) >= 0x90 && b(1) <= 0xbf && cont(2) && cont(3)) len = 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(1) && cont(2) && cont(3)) len = 4;
    else if (c == 0xf4 && b(1) >= 0x80 && b(1) <= 0x8f && cont(2) && cont(3)) len = 4;
    else return i;
    i += len;
  }
  return std::string_view::npos;
}

/// Code points of valid UTF-8.
std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0xff >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out += cp;
    i += len;
  }
  return out;
}

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

size_t RegexCount(const std::string& text, const std::regex& re) {
  return static_cast<size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

std::vector<std::string> Keys(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

using Strings = std::vector<std::string>;

// --- the test's own checkers, on planted faults ---

TEST(TestCheckers, Utf8ValidatorAndDecoder) {
  EXPECT_EQ(FirstInvalidUtf8("plain é κ 日 🎉"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("ab\xc0\x80"), 2u);          // overlong NUL
  EXPECT_EQ(FirstInvalidUtf8("a\xed\xa0\x80"), 1u);      // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("ok\xe6\x97"), 2u);          // cut short
  EXPECT_EQ(Decode("aé日🎉"), (std::u32string{U'a', U'é', U'日', U'🎉'}));
}

// --- SHA-256 and the writer ---

TEST(Sha256Hex, KnownDigests) {
  // FIPS 180-2, appendix B.1, and the digest of nothing.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(AppendDouble, ShortestFormAlwaysMarkedAsFloat) {
  auto text = [](double x) {
    std::string s;
    AppendDouble(s, x);
    return s;
  };
  EXPECT_EQ(text(12.0), "12.0");
  EXPECT_EQ(text(-95.0), "-95.0");
  EXPECT_EQ(text(0.0), "0.0");
  EXPECT_EQ(text(0.1), "0.1");
  EXPECT_EQ(text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(text(1e-7), "1e-07");
  EXPECT_EQ(text(1e15), "1e+15");
  EXPECT_EQ(text(123456789.0), "123456789.0");  // the fixed form is the shorter here
}

TEST(JsonWriter, PrettyMatchesNlohmannDumpAndCompactHasNoSpace) {
  auto write = [](int indent) {
    std::string out;
    JsonWriter w(out, indent);
    w.BeginObject();
    w.Key("a");
    w.BeginArray();
    w.Int(-1);
    w.Uint(18446744073709551615u);
    w.BeginObject();
    w.EndObject();
    w.EndArray();
    w.Key("b");
    w.BeginArray();
    w.EndArray();
    w.Key("c");
    w.BeginObject();
    w.Key("d");
    w.Null();
    w.Key("e");
    w.String("quote \" backslash \\ newline \n tab \t bell \x07 slash / é");
    w.Key("f");
    w.Bool(false);
    w.EndObject();
    w.EndObject();
    return out;
  };
  std::string pretty = write(2);
  EXPECT_EQ(json::parse(pretty).dump(2), pretty);
  EXPECT_EQ(write(0), json::parse(pretty).dump());
}

// --- the registry and the cache ---

TEST(Corpora, NamesAndUnknownName) {
  Strings names;
  for (const auto& c : Corpora()) names.emplace_back(c.name);
  EXPECT_EQ(names, (Strings{"tweets", "geo", "catalog", "haystack", "events"}));
  EXPECT_EQ(FindCorpus("nope"), nullptr);
  try {
    GenerateCorpus("nope", 1);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unknown corpus 'nope' (known: tweets, geo, catalog, haystack, events)");
  }
}

TEST(EnsureCorpus, GeneratesOnceThenHashesWhatIsThere) {
  fs::path dir = fs::temp_directory_path() / ("claimbench-corpus-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  CorpusFile first = EnsureCorpus("events", 7, dir / "cache");
  EXPECT_EQ(first.path, dir / "cache" / "events-v1-seed7.jsonl");
  std::string bytes = ReadFile(first.path);
  EXPECT_EQ(bytes, GenerateCorpus("events", 7));
  EXPECT_EQ(first.bytes, bytes.size());
  EXPECT_EQ(first.sha256, Sha256Hex(bytes));

  // A file already there is taken as it is: the caller's pin check must see a stale one.
  WriteFileAtomic(first.path, "stale\n");
  CorpusFile second = EnsureCorpus("events", 7, dir / "cache");
  EXPECT_EQ(second.bytes, 6u);
  EXPECT_EQ(second.sha256, Sha256Hex("stale\n"));
  EXPECT_THROW(EnsureCorpus("nope", 7, dir / "cache"), std::invalid_argument);
  fs::remove_all(dir);
}

TEST(Corpora, DeterministicPerSeed) {
  for (const auto& c : Corpora()) {
    std::string a = c.generate(kDefaultCorpusSeed);
    EXPECT_EQ(a, c.generate(kDefaultCorpusSeed)) << c.name;
    EXPECT_NE(a, c.generate(kDefaultCorpusSeed + 1)) << c.name;
  }
}

// The bytes at the default seed, pinned: a change here changes every workload.toml pin
// (and then kCorpusGeneratorVersion must be bumped); a change on another platform or
// compiler means a generator depends on something it must not.
TEST(Corpora, DefaultSeedDigests) {
  std::map<std::string, std::string> expected = {
      {"tweets", "7489cebbd8995aa892f6900044bc451d6c0ba70801a3644dfbb4a7ebf7e6cf68"},
      {"geo", "b0ec936b98f448968740e1f0b5a6a9a35d85793329b1acc5b66e51259e60a259"},
      {"catalog", "f7be751cd7b686c75f1f67ef0b58125c6c151f8f705260a87c64e439281d2548"},
      {"haystack", "930c6efbf9b47f2ffa3a3ee33c67b36b004f3a8db3caf73c04f21ed0b4f69a1e"},
      {"events", "a14a16a7de1a4f0341f877adc23a92f5e54b7327eca8e413be46f702914fa3cd"},
  };
  for (const auto& c : Corpora()) {
    EXPECT_EQ(Sha256Hex(c.generate(kDefaultCorpusSeed)), expected[std::string(c.name)]) << c.name;
  }
}

// --- tweets ---

TEST(Tweets, ShapeIdsAndEntities) {
  std::string bytes = GenerateCorpus("tweets", kDefaultCorpusSeed);
  EXPECT_GE(bytes.size(), 4u << 20);
  EXPECT_LT(bytes.size(), (4u << 20) + (64u << 10));
  EXPECT_EQ(FirstInvalidUtf8(bytes), std::string_view::npos);
  ordered_json doc = ordered_json::parse(bytes);
  EXPECT_EQ(Keys(doc), (Strings{"statuses", "search_metadata"}));
  const auto& statuses = doc["statuses"];
  ASSERT_GT(statuses.size(), 1000u);
  uint64_t max_id = 0;
  size_t hashtags = 0, urls = 0, replies = 0, points = 0, verified = 0;
  std::set<std::string> langs;
  auto large_id = [](const ordered_json& v) {
    return v.is_number_unsigned() && v.get<uint64_t>() > kTwoTo53 && v.get<uint64_t>() < kTwoTo63;
  };
  for (const auto& s : statuses) {
    ASSERT_EQ(Keys(s), (Strings{"created_at", "id", "id_str", "text", "lang", "user", "entities", "retweet_count",
                                "favorite_count", "in_reply_to_status_id", "coordinates"}));
    ASSERT_TRUE(large_id(s["id"])) << s["id"];
    EXPECT_EQ(s["id_str"].get<std::string>(), std::to_string(s["id"].get<uint64_t>()));
    max_id = std::max(max_id, s["id"].get<uint64_t>());
    EXPECT_EQ(s["created_at"].get<std::string>().size(), 30u);
    langs.insert(s["lang"].get<std::string>());
    const auto& user = s["user"];
    ASSERT_EQ(Keys(user), (Strings{"id", "id_str", "name", "screen_name", "location", "description",
                                   "followers_count", "friends_count", "verified"}));
    ASSERT_TRUE(large_id(user["id"]));
    EXPECT_EQ(user["id_str"].get<std::string>(), std::to_string(user["id"].get<uint64_t>()));
    verified += user["verified"].get<bool>();
    ASSERT_EQ(Keys(s["entities"]), (Strings{"hashtags", "urls"}));
    // Indices are code-point offsets of "#text" in the status text, as Twitter's are.
    std::u32string text = Decode(s["text"].get<std::string>());
    for (const auto& tag : s["entities"]["hashtags"]) {
      ASSERT_EQ(Keys(tag), (Strings{"text", "indices"}));
      auto start = tag["indices"][0].get<size_t>(), end = tag["indices"][1].get<size_t>();
      ASSERT_LE(end, text.size());
      EXPECT_EQ(text.substr(start, end - start), U"#" + Decode(tag["text"].get<std::string>()));
      ++hashtags;
    }
    for (const auto& url : s["entities"]["urls"]) {
      ASSERT_EQ(Keys(url), (Strings{"url", "expanded_url"}));
      EXPECT_NE(s["text"].get<std::string>().find(url["url"].get<std::string>()), std::string::npos);
      ++urls;
    }
    EXPECT_TRUE(s["retweet_count"].is_number_integer() && s["favorite_count"].is_number_integer());
    if (!s["in_reply_to_status_id"].is_null()) {
      ASSERT_TRUE(large_id(s["in_reply_to_status_id"]));
      ++replies;
    }
    if (!s["coordinates"].is_null()) {
      ASSERT_EQ(Keys(s["coordinates"]), (Strings{"type", "coordinates"}));
      EXPECT_EQ(s["coordinates"]["type"], "Point");
      ASSERT_TRUE(s["coordinates"]["coordinates"][0].is_number_float());
      ASSERT_TRUE(s["coordinates"]["coordinates"][1].is_number_float());
      ++points;
    }
  }
  for (size_t* n : {&hashtags, &urls, &replies, &points, &verified}) EXPECT_GT(*n, 100u);
  EXPECT_EQ(langs, (std::set<std::string>{"el", "en", "es", "fr", "ja", "ru"}));
  const auto& meta = doc["search_metadata"];
  EXPECT_EQ(Keys(meta), (Strings{"count", "max_id", "query", "completed_in"}));
  EXPECT_EQ(meta["count"].get<size_t>(), statuses.size());
  EXPECT_EQ(meta["max_id"].get<uint64_t>(), max_id);
  EXPECT_TRUE(meta["completed_in"].is_number_float());
}

TEST(Tweets, StringsMixScriptsRawAndEscaped) {
  std::string bytes = GenerateCorpus("tweets", kDefaultCorpusSeed);
  for (std::string_view escape : {"\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\u03", "\\u04", "\\u65e5"}) {
    EXPECT_GT(Count(bytes, escape), 10u) << escape;
  }
  // Surrogate pairs, in both cases of hex digits.
  EXPECT_GT(Count(bytes, "\\ud83"), 10u);
  EXPECT_GT(Count(bytes, "\\uD83"), 10u);
  // Raw: accented Latin, Greek, Cyrillic, CJK, emoji.
  for (std::string_view raw : {"é", "κ", "о", "日本語", "🎉"}) EXPECT_GT(Count(bytes, raw), 10u) << raw;
}

// --- geo ---

TEST(Geo, ShapeClosedRingsAndFloatLiterals) {
  std::string bytes = GenerateCorpus("geo", kDefaultCorpusSeed);
  EXPECT_GE(bytes.size(), 4u << 20);
  EXPECT_LT(bytes.size(), (4u << 20) + (256u << 10));
  ordered_json doc = ordered_json::parse(bytes);
  EXPECT_EQ(Keys(doc), (Strings{"type", "features"}));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  ASSERT_GT(doc["features"].size(), 20u);
  size_t rings = 0;
  for (const auto& f : doc["features"]) {
    ASSERT_EQ(Keys(f), (Strings{"type", "properties", "geometry"}));
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(Keys(f["properties"]), Strings{"name"});
    ASSERT_EQ(Keys(f["geometry"]), (Strings{"type", "coordinates"}));
    EXPECT_EQ(f["geometry"]["type"], "Polygon");
    for (const auto& ring : f["geometry"]["coordinates"]) {
      ASSERT_GE(ring.size(), 4u);
      EXPECT_EQ(ring.front(), ring.back());
      for (const auto& p : ring) ASSERT_TRUE(p.size() == 2 && p[0].is_number_float() && p[1].is_number_float());
      ++rings;
    }
  }
  EXPECT_GT(rings, doc["features"].size());  // holes too
  // Every number literal outside strings has a '.' or an exponent; some end in ".0".
  size_t numbers = 0, integral = 0, long_forms = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '"') {
      i = bytes.find('"', i + 1);  // names hold no escaped quotes
      continue;
    }
    if (bytes[i] != '-' && (bytes[i] < '0' || bytes[i] > '9')) continue;
    size_t end = bytes.find_first_not_of("0123456789+-.e", i);
    std::string_view literal(bytes.data() + i, end - i);
    ASSERT_NE(literal.find_first_of(".e"), std::string_view::npos) << literal;
    ++numbers;
    integral += literal.ends_with(".0");
    long_forms += std::count_if(literal.begin(), literal.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 16;
    i = end - 1;
  }
  EXPECT_GT(numbers, 100000u);
  EXPECT_GT(integral, 50u);
  EXPECT_GT(long_forms, numbers / 4);
}

// --- catalog ---

TEST(Catalog, PrettyPrintedSortedAndConsistent) {
  std::string bytes = GenerateCorpus("catalog", kDefaultCorpusSeed);
  EXPECT_GE(bytes.size(), 4u << 20);
  EXPECT_LT(bytes.size(), (4u << 20) + (64u << 10));
  json doc = json::parse(bytes);
  // nlohmann sorts members: equality checks the member order and the 2-space layout at once.
  EXPECT_EQ(doc.dump(2) + "\n", bytes);
  ordered_json ordered = ordered_json::parse(bytes);
  EXPECT_EQ(Keys(ordered), (Strings{"areaNames", "events", "performances", "topicNames", "venueNames"}));
  std::set<int64_t> topics;
  for (const auto& [id, name] : doc["topicNames"].items()) topics.insert(std::stoll(id));
  size_t null_descriptions = 0;
  for (const auto& [id, event] : ordered["events"].items()) {
    ASSERT_EQ(Keys(event), (Strings{"description", "id", "logo", "name", "subTopicIds", "subjectCode", "subtitle",
                                    "topicIds"}));
    EXPECT_EQ(std::to_string(event["id"].get<int64_t>()), id);
    null_descriptions += event["description"].is_null();
    for (const auto& t : event["topicIds"]) EXPECT_TRUE(topics.contains(t.get<int64_t>()));
  }
  EXPECT_GT(null_descriptions, 10u);
  ASSERT_GT(doc["performances"].size(), 500u);
  size_t blocks = 0;
  for (const auto& p : ordered["performances"]) {
    ASSERT_EQ(Keys(p), (Strings{"eventId", "id", "logo", "name", "prices", "seatCategories", "seatMapImage", "start",
                                "venueCode"}));
    EXPECT_TRUE(doc["events"].contains(std::to_string(p["eventId"].get<int64_t>())));
    EXPECT_TRUE(doc["venueNames"].contains(p["venueCode"].get<std::string>()));
    for (const auto& c : p["seatCategories"]) {
      for (const auto& a : c["areas"]) {
        EXPECT_TRUE(doc["areaNames"].contains(std::to_string(a["areaId"].get<int64_t>())));
        blocks += a["blockIds"].size();
      }
    }
  }
  EXPECT_GT(blocks, 100u);
}

// --- haystack ---

TEST(Haystack, Utf8WithOneWordInEightNonAscii) {
  std::string bytes = GenerateCorpus("haystack", kDefaultCorpusSeed);
  EXPECT_GE(bytes.size(), 12u << 20);
  EXPECT_LT(bytes.size(), (12u << 20) + 4096);
  ASSERT_EQ(FirstInvalidUtf8(bytes), std::string_view::npos);
  EXPECT_EQ(bytes.back(), '\n');
  size_t words = 0, foreign = 0;
  std::istringstream in(bytes);
  for (std::string word; in >> word;) {
    ++words;
    foreign += std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  }
  double share = static_cast<double>(foreign) / static_cast<double>(words);
  EXPECT_GT(share, 0.10);
  EXPECT_LT(share, 0.15);
}

// Each pattern of workloads/regex/README.md, counted by a hand scanner or std::regex (on
// the lines that can match, for speed), has thousands of matches.
TEST(Haystack, EveryPatternFamilyMatchesThousandsOfTimes) {
  std::string bytes = GenerateCorpus("haystack", kDefaultCorpusSeed);
  EXPECT_GT(Count(bytes, "Sherlock"), 3000u);
  for (std::string_view name : {"Watson", "Adler", "Lestrade", "Moriarty", "Hudson"}) {
    EXPECT_GT(Count(bytes, name), 1000u) << name;
  }
  std::string lower = bytes;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  EXPECT_GT(Count(lower, "sherlock"), Count(bytes, "Sherlock") + 1000);
  EXPECT_GT(Count(bytes, "SHERLOCK"), 300u);
  EXPECT_GT(Count(bytes, "sherlock"), 300u);

  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto word_char = [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '_'; };
  size_t ing = 0, four = 0, dates = 0;
  for (size_t at = bytes.find("ing"); at != std::string::npos; at = bytes.find("ing", at + 3)) {
    ing += at > 0 && letter(bytes[at - 1]);
  }
  for (size_t i = 0; i < bytes.size();) {  // \b[a-z]{4}\b with ASCII word characters
    if (!word_char(bytes[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < bytes.size() && word_char(bytes[end])) ++end;
    auto lower_ascii = [](char c) { return c >= 'a' && c <= 'z'; };
    four += end - i == 4 && std::all_of(bytes.begin() + i, bytes.begin() + end, lower_ascii);
    i = end;
  }
  auto digit = [&](size_t i) { return i < bytes.size() && bytes[i] >= '0' && bytes[i] <= '9'; };
  for (size_t i = 0; i + 10 <= bytes.size(); ++i) {
    if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && bytes[i + 4] == '-' && digit(i + 5) &&
        digit(i + 6) && bytes[i + 7] == '-' && digit(i + 8) && digit(i + 9)) {
      ++dates;
      i += 9;
    }
  }
  EXPECT_GT(ing, 10000u);
  EXPECT_GT(four, 10000u);
  EXPECT_GT(dates, 3000u);

  size_t greek_runs = 0, cyrillic_runs = 0;
  int previous = 0;  // 1 Greek, 2 Cyrillic
  for (char32_t cp : Decode(bytes)) {
    int script = (cp >= 0x370 && cp <= 0x3ff) ? 1 : (cp >= 0x400 && cp <= 0x4ff) ? 2 : 0;
    if (script != previous) {
      greek_runs += script == 1;
      cyrillic_runs += script == 2;
    }
    previous = script;
  }
  EXPECT_GT(greek_runs, 10000u);
  EXPECT_GT(cyrillic_runs, 10000u);

  std::regex email(R"([a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})");
  std::regex url(R"(https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?)");
  size_t emails = 0, urls = 0;
  std::istringstream lines(bytes);
  for (std::string line; std::getline(lines, line);) {
    if (line.find('@') != std::string::npos) emails += RegexCount(line, email);
    if (line.find("http") != std::string::npos) urls += RegexCount(line, url);
  }
  EXPECT_GT(emails, 3000u);
  EXPECT_GT(urls, 3000u);
  EXPECT_GT(Count(bytes, "http://"), 500u);
}

// --- events ---

TEST(Events, LinesShapeAndTwoPercentInvalidOfEachKind) {
  std::string bytes = GenerateCorpus("events", kDefaultCorpusSeed);
  ASSERT_EQ(bytes.back(), '\n');
  std::map<std::string, size_t> kinds;  // why a line is invalid, or "valid"
  size_t lines = 0, zero = 0, max = 0;
  std::set<std::string> known_kinds = {"view", "click", "cart", "buy"};
  std::regex user_name("user-[0-9]{5}");
  std::istringstream in(bytes);
  for (std::string line; std::getline(in, line);) {
    ++lines;
    ASSERT_FALSE(line.empty()) << "line " << lines;
    std::string head = "{\"id\":" + std::to_string(lines);
    ASSERT_TRUE(line.starts_with(head) || head.starts_with(line)) << line;  // a truncated line may end early
    ordered_json e = ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (e.is_discarded()) {
      ++kinds["truncated"];
      continue;
    }
    ASSERT_TRUE(e.is_object()) << line;
    bool user = e.contains("user") && e["user"].is_string() && !e["user"].get<std::string>().empty();
    bool kind = e.contains("kind") && e["kind"].is_string() && known_kinds.contains(e["kind"].get<std::string>());
    bool value = e.contains("value") && e["value"].is_number_integer() && e["value"].get<int64_t>() >= 0 &&
                 e["value"].get<int64_t>() <= 1'000'000'000;
    bool ts = e.contains("ts") && e["ts"].is_number_integer() && e["ts"].get<int64_t>() > 0;
    ASSERT_TRUE(ts) << line;
    if (user && kind && value) {
      ASSERT_EQ(Keys(e), (Strings{"id", "user", "kind", "value", "ts"}));
      ASSERT_TRUE(std::regex_match(e["user"].get<std::string>(), user_name));
      zero += e["value"] == 0;
      max += e["value"] == 1'000'000'000;
      ++kinds["valid"];
    } else if (!e.contains("user")) {
      ++kinds["missing user"];
    } else if (e["value"].is_string()) {
      ++kinds["string value"];
    } else if (!value) {
      ++kinds["negative value"];
      EXPECT_LT(e["value"].get<int64_t>(), 0);
    } else {
      ++kinds["unknown kind"];
    }
    ASSERT_EQ(int{user} + int{kind} + int{value}, user && kind && value ? 3 : 2) << "one defect per line: " << line;
  }
  EXPECT_EQ(lines, 200'000u);
  size_t invalid = lines - kinds["valid"];
  EXPECT_GE(invalid, lines * 15 / 1000);
  EXPECT_LE(invalid, lines * 25 / 1000);
  for (const char* kind : {"truncated", "missing user", "string value", "negative value", "unknown kind"}) {
    EXPECT_GT(kinds[kind], invalid / 10) << kind;
  }
  EXPECT_GT(zero, 0u);
  EXPECT_GT(max, 0u);
}

}  // namespace
}  // namespace claimbench::batch
