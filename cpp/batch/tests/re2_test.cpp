// regex match counts with RE2 on the hand-made haystack in data/ (expected values from
// data/expected.py, which counts with Python's `regex` module).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "re2_count.h"

namespace claimbench::batch {
namespace {

std::string Haystack() {
  std::ifstream file(CLAIMBENCH_BATCH_TESTDATA "/haystack.txt", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string Count(const std::string& pattern, bool captures = false) {
  return CountMatches(*CompileRegex(pattern), Haystack(), captures);
}

TEST(RegexCountTest, EveryPatternOfTheWorkload) {
  EXPECT_EQ(Count("Sherlock"), "matches=1 match_bytes=8");
  EXPECT_EQ(Count("Sherlock|Watson|Adler|Lestrade|Moriarty|Hudson"), "matches=7 match_bytes=47");
  EXPECT_EQ(Count("(?i)sherlock"), "matches=4 match_bytes=32");
  EXPECT_EQ(Count("[a-zA-Z]+ing"), "matches=12 match_bytes=89");
  EXPECT_EQ(Count(R"(\p{Greek}+|\p{Cyrillic}+)"), "matches=22 match_bytes=210");
  EXPECT_EQ(Count(R"(\b[a-z]{4}\b)"), "matches=29 match_bytes=116");
  EXPECT_EQ(Count(R"(([0-9]{4})-([0-9]{2})-([0-9]{2}))", true), "matches=4 match_bytes=40 group_bytes=32");
  EXPECT_EQ(Count(R"([a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})"), "matches=4 match_bytes=100");
  EXPECT_EQ(Count(R"(https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?)"), "matches=5 match_bytes=123");
}

TEST(RegexCountTest, CapturesSkipGroupsThatDidNotParticipate) {
  EXPECT_EQ(Count(R"(https?://[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~%/-]*)?)", true),
            "matches=5 match_bytes=123 group_bytes=34");
}

// Searching a slice that starts at the previous match's end would see a \b there.
TEST(RegexCountTest, WordBoundaryLooksBehindThePreviousMatch) {
  EXPECT_EQ(CountMatches(*CompileRegex(R"(\b[a-z]{4})"), "abcdefgh", false), "matches=1 match_bytes=4");
}

TEST(RegexCountTest, BadPatternOrEmptyMatchThrows) {
  EXPECT_THROW(CompileRegex("(unclosed"), std::invalid_argument);
  EXPECT_THROW(CountMatches(*CompileRegex("x*"), "abc", false), std::runtime_error);
}

}  // namespace
}  // namespace claimbench::batch
