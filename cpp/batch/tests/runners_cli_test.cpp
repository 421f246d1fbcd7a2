// End-to-end tests of the four built runners with real flags: exit codes (2 usage, 1
// failure), and the JSON lines with their checksums.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Result {
  int exit_code = -1;
  std::vector<std::string> lines;  ///< stdout, or stdout and stderr with `merge_stderr`
};

Result RunRunner(const std::string& runner, const std::string& args, bool merge_stderr = false) {
  const std::string command = std::string(CLAIMBENCH_CPP_BIN_DIR "/") + runner + " " + args +
                              (merge_stderr ? " 2>&1" : " 2>/dev/null") + " </dev/null";
  Result result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::string output;
  std::array<char, 4096> buffer;
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream stream(output);
  for (std::string line; std::getline(stream, line);) result.lines.push_back(line);
  return result;
}

const std::string kData = CLAIMBENCH_BATCH_TESTDATA;

// The iteration lines' checksums, after checking every line's shape and order.
std::vector<std::string> Checksums(const Result& result, int warmup, int iterations, bool compile = false) {
  std::vector<std::string> checksums;
  const std::size_t expected = 2 + (compile ? 10 : 0) + warmup + iterations;
  EXPECT_EQ(result.lines.size(), expected);
  if (result.lines.size() != expected) return checksums;
  EXPECT_TRUE(std::regex_match(result.lines.front(), std::regex(R"(\{"phase":"setup","input_bytes":\d+,"ns":\d+\})")));
  std::size_t next = 1;
  for (int i = 0; compile && i < 10; ++i) {
    EXPECT_TRUE(std::regex_match(result.lines[next++], std::regex(R"(\{"phase":"compile","ns":\d+\})")));
  }
  const std::regex iteration(R"re(\{"phase":"(warmup|measure)","i":(\d+),"ns":\d+,"checksum":"([^"\\]*)"\})re");
  for (int i = 0; i < warmup + iterations; ++i) {
    std::smatch match;
    const std::string& line = result.lines[next++];
    EXPECT_TRUE(std::regex_match(line, match, iteration)) << line;
    EXPECT_EQ(match[1], i < warmup ? "warmup" : "measure");
    EXPECT_EQ(match[2], std::to_string(i < warmup ? i : i - warmup));
    checksums.push_back(match[3]);
  }
  EXPECT_EQ(result.lines.back(), R"({"phase":"done"})");
  return checksums;
}

TEST(RunnersCliTest, CpuBoundPrintsOneLinePerIteration) {
  Result result = RunRunner("claimbench-cpp-cpubound", "--task nbody --param steps=1000 --warmup 1 --iterations 2");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(Checksums(result, 1, 2),
            std::vector<std::string>(3, "energy_before=-0.169075164 energy_after=-0.169087605"));
  result = RunRunner("claimbench-cpp-cpubound", "--task spectral-norm --param n=100 --warmup 0 --iterations 1 --hold");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(Checksums(result, 0, 1), std::vector<std::string>{"norm=1.274219991"});
}

TEST(RunnersCliTest, JsonParseRegexAndWorkerPoolOnTheFixtures) {
  Result json = RunRunner("claimbench-cpp-jsonparse",
                          "--task geo-typed --input " + kData + "/geo.json --warmup 0 --iterations 1");
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(Checksums(json, 0, 1),
            std::vector<std::string>{"features=3 rings=3 points=12 coord_bits=14224495921674843862 name_bytes=33"});
  Result regex = RunRunner("claimbench-cpp-re2",
                           "--task count --input " + kData +
                               "/haystack.txt --param 'pattern=([0-9]{4})-([0-9]{2})-([0-9]{2})' "
                               "--param captures=true --warmup 1 --iterations 1");
  EXPECT_EQ(regex.exit_code, 0);
  EXPECT_EQ(Checksums(regex, 1, 1, true),
            std::vector<std::string>(2, "matches=4 match_bytes=40 group_bytes=32"));
  Result pool = RunRunner("claimbench-cpp-workerpool", "--task pipeline --input " + kData +
                                                          "/events.jsonl --param workers=2 --param capacity=4 "
                                                          "--warmup 0 --iterations 2");
  EXPECT_EQ(pool.exit_code, 0);
  EXPECT_EQ(Checksums(pool, 0, 2),
            std::vector<std::string>(
                2, "valid=9 invalid=19 users=6 value_sum=2123457860 user_hash=5543482008402347182"));
}

TEST(RunnersCliTest, UsageErrorsExitTwo) {
  struct Case {
    std::string runner, args, message;
  };
  const std::vector<Case> cases = {
      {"claimbench-cpp-cpubound", "--task nbody --param steps=10 --warmup 0 --iterations 1 --bogus",
       "error: unknown flag --bogus"},
      {"claimbench-cpp-cpubound", "--task nbody --warmup 0 --iterations 1", "error: task nbody needs --param steps=N"},
      {"claimbench-cpp-cpubound", "--task nbody --param n=5 --warmup 0 --iterations 1",
       "error: unknown parameter 'n' for task nbody (known: steps)"},
      {"claimbench-cpp-jsonparse", "--task tweets-typed --input /nonexistent.json --warmup 0 --iterations 1",
       "error: cannot read input file '/nonexistent.json': "},
      {"claimbench-cpp-re2",
       "--task count --input " + kData + "/haystack.txt --param 'pattern=(' --warmup 0 --iterations 1",
       "error: --param pattern does not compile: "},
      {"claimbench-cpp-workerpool", "--task idle-tasks --warmup 0 --iterations 1",
       "error: task idle-tasks is not measured for C++ (cpp-threads): "},
      {"claimbench-cpp-workerpool",
       "--task pipeline --input " + kData + "/events.jsonl --param workers=0 --warmup 0 --iterations 1",
       "error: --param workers expects an integer from 1 to 4096, got '0'"},
  };
  for (const Case& c : cases) {
    Result result = RunRunner(c.runner, c.args, true);
    EXPECT_EQ(result.exit_code, 2) << c.args;
    ASSERT_FALSE(result.lines.empty()) << c.args;
    EXPECT_EQ(result.lines.front().substr(0, c.message.size()), c.message) << c.args;
  }
}

TEST(RunnersCliTest, InputThatDoesNotParseExitsOneWithoutDone) {
  Result result = RunRunner("claimbench-cpp-jsonparse",
                            "--task tweets-typed --input " + kData + "/events.jsonl --warmup 0 --iterations 1");
  EXPECT_EQ(result.exit_code, 1);
  ASSERT_EQ(result.lines.size(), 1u);  // the setup line only
  EXPECT_TRUE(result.lines[0].starts_with(R"({"phase":"setup",)"));
}

}  // namespace
