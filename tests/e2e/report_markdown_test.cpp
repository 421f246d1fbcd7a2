// report.md as GitHub renders it: cmark-gfm (Debian's build of GitHub's own renderer) with
// GitHub's extensions turns the report into HTML, and nothing in it may be struck through
// (bare tildes pair up into <del>) or fall out of its table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>
#include <string>

#include "process/command.h"
#include "report/reporter.h"
#include "results/results_json.h"
#include "util/files.h"

namespace claimbench::report {
namespace {

namespace fs = std::filesystem;

std::string RenderGfm(const std::string& markdown) {
  fs::path file = fs::temp_directory_path() / ("claimbench-report-" + std::to_string(::getpid()) + ".md");
  WriteFileAtomic(file, markdown);
  auto r = process::RunCommand({"cmark-gfm", "--extension", "table", "--extension", "strikethrough", "--extension",
                                "autolink", file.string()});
  fs::remove(file);
  EXPECT_TRUE(r.Ok()) << r.err;
  return r.out;
}

// The previous release's quick run (tests/data/v1-run): noisy cells, ratios without
// intervals and 152 claims, rendered with today's code.
TEST(MarkdownAsGitHubRendersIt, NothingIsStruckThrough) {
  ASSERT_FALSE(process::FindInPath("cmark-gfm").empty()) << "cmark-gfm not installed: scripts/bootstrap.sh installs it";
  const fs::path v1 = fs::path(CLAIMBENCH_SOURCE_DIR) / "tests" / "data" / "v1-run" / "results.json";
  const std::string md = Render("md", results::ReadResultsFile(v1));
  ASSERT_NE(md.find("\\~"), std::string::npos) << "the run has noisy cells, so the test exercises the marker";
  const std::string html = RenderGfm(md);
  const size_t struck = html.find("<del>");
  EXPECT_EQ(struck, std::string::npos) << html.substr(struck == std::string::npos ? 0 : struck, 300);
  EXPECT_NE(html.find("~ marks a noisy figure"), std::string::npos);
}

}  // namespace
}  // namespace claimbench::report
