// Durations, counts, CPU lists and atomic writes.
#include <gtest/gtest.h>

#include <algorithm>

#include <unistd.h>

#include "build/builder.h"
#include "process/cpu_set.h"
#include "util/did_you_mean.h"
#include "util/duration.h"
#include "util/files.h"
#include "util/shuffle.h"

namespace claimbench {
namespace {

using namespace std::chrono_literals;

TEST(ShuffledIndices, APermutationFixedByTheSeed) {
  auto a = ShuffledIndices(10, 7);
  auto sorted = a;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) EXPECT_EQ(sorted[i], i);
  EXPECT_EQ(a, ShuffledIndices(10, 7));
  bool differs = false;
  for (uint64_t seed = 8; seed < 16 && !differs; ++seed) differs = ShuffledIndices(10, seed) != a;
  EXPECT_TRUE(differs);
  EXPECT_TRUE(ShuffledIndices(0, 1).empty());
}

TEST(Suggestions, NearestKnownNamesWithinTwoEdits) {
  const std::vector<std::string> known = {"--repeat", "--report", "--seed", "--suite", "run", "report"};
  EXPECT_EQ(Suggestions("--repaet", known), (std::vector<std::string>{"--repeat", "--report"}));
  EXPECT_EQ(Suggestions("--sute", known), (std::vector<std::string>{"--suite"}));
  EXPECT_EQ(Suggestions("rn", known), std::vector<std::string>{});  // 1 edit, but half of a 2-letter word
  EXPECT_EQ(Suggestions("--bogus-flag", known), std::vector<std::string>{});
  EXPECT_EQ(Suggestions("--seed", known), std::vector<std::string>{});  // known: nothing to suggest
}

TEST(ParseDuration, Units) {
  EXPECT_EQ(ParseDuration("10s"), 10s);
  EXPECT_EQ(ParseDuration("500ms"), 500ms);
  EXPECT_EQ(ParseDuration("1.5s"), 1500ms);
  EXPECT_EQ(ParseDuration("2m"), 120s);
  EXPECT_EQ(ParseDuration("250us"), 250us);
  EXPECT_EQ(ParseDuration("3"), 3s);
}

TEST(ParseDuration, ErrorsNameTheText) {
  try {
    ParseDuration("10 sec");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "invalid duration '10 sec' (use a unit of ns, us, ms, s, m or h, e.g. 10s)");
  }
  EXPECT_THROW(ParseDuration("-1s"), std::invalid_argument);
  EXPECT_THROW(ParseDuration(""), std::invalid_argument);
}

TEST(ParseCount, Suffixes) {
  EXPECT_EQ(ParseCount("25k"), 25000);
  EXPECT_EQ(ParseCount("1.5M"), 1500000);
  EXPECT_EQ(ParseCount("700"), 700);
  EXPECT_THROW(ParseCount("5x"), std::invalid_argument);
}

TEST(CpuList, ParseAndFormat) {
  EXPECT_EQ(process::ParseCpuList("0,2,4-5"), (std::vector<int>{0, 2, 4, 5}));
  EXPECT_EQ(process::FormatCpuList({0, 1, 2, 5, 7, 8}), "0-2,5,7-8");
  EXPECT_THROW(process::ParseCpuList("a"), std::invalid_argument);
  EXPECT_THROW(process::ParseCpuList("3-1"), std::invalid_argument);
  EXPECT_THROW(process::ParseCpuList("1,"), std::invalid_argument);
}

TEST(CpuList, DefaultSplit) {
  auto two = process::DefaultSplit({0, 1});
  EXPECT_EQ(two.server, std::vector<int>{0});
  EXPECT_EQ(two.client, std::vector<int>{1});
  EXPECT_FALSE(two.shared);
  auto one = process::DefaultSplit({3});
  EXPECT_TRUE(one.shared);
  EXPECT_EQ(one.server, one.client);
}

TEST(Files, AtomicWriteReplacesWholeFile) {
  auto dir = std::filesystem::temp_directory_path() / ("claimbench-files-" + std::to_string(::getpid()));
  auto p = dir / "sub" / "f.json";
  WriteFileAtomic(p, "first version, longer");
  WriteFileAtomic(p, "second");
  EXPECT_EQ(ReadFile(p), "second");
  int leftovers = 0;
  for (const auto& e : std::filesystem::directory_iterator(p.parent_path())) leftovers += e.path() != p;
  EXPECT_EQ(leftovers, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace claimbench

namespace claimbench::build {
namespace {

TEST(CountCodeLines, SkipsBlanksAndComments) {
  auto p = std::filesystem::temp_directory_path() / ("claimbench-loc-" + std::to_string(::getpid()) + ".go");
  WriteFileAtomic(p,
                  "// Package x does y.\npackage x\n\n/* a\n   block */\nimport \"fmt\"\n  // indented comment\n"
                  "func F() { fmt.Println(1) } // trailing comment counts\n/* one-line block */\n");
  EXPECT_EQ(CountCodeLines(p), 3);
  EXPECT_EQ(CountCodeLines(p.string() + ".missing"), 0);
  std::filesystem::remove(p);
}

}  // namespace
}  // namespace claimbench::build
