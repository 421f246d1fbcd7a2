// report.html in a real browser: Debian's chromium, headless, renders the report of a
// small real run; the page has its charts, the console has no errors, and a screenshot
// is taken (kept under the build's Testing/ folder for a person to look at).
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "process/command.h"
#include "util/files.h"

namespace claimbench {
namespace {

namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";

process::CommandResult Cli(std::vector<std::string> args) {
  args.insert(args.begin(), CLAIMBENCH_BINARY);
  return process::RunCommand(args, CLAIMBENCH_SOURCE_DIR, {}, std::chrono::seconds(600));
}

struct Rendered {
  process::CommandResult result;
  std::string dom;
};

// Chromium with the flags this sandbox needs (no network, no first-run work): the
// rendered DOM on stdout, console messages on stderr, and a screenshot.
Rendered Render(const fs::path& page, const fs::path& dir, const fs::path& screenshot) {
  std::vector<std::string> common = {kChromium,
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--disable-quic",
                                     "--no-first-run",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--enable-logging=stderr",
                                     "--v=0",
                                     "--user-data-dir=" + (dir / "profile").string()};
  auto shot = common;
  shot.insert(shot.end(), {"--window-size=1280,2400", "--screenshot=" + screenshot.string(), "file://" + page.string()});
  Rendered r;
  r.result = process::RunCommand(shot, dir, {}, std::chrono::seconds(120));
  auto dump = common;
  dump.insert(dump.end(), {"--dump-dom", "file://" + page.string()});
  auto d = process::RunCommand(dump, dir, {}, std::chrono::seconds(120));
  r.dom = d.out;
  r.result.err += d.err;
  return r;
}

// Where things land on the first screen: a copy of `page` with a script that, once laid out
// at 1280 px wide, writes the page offsets of the headline table and the forest plot and
// the legend texts of every chart in the workload sections into a <pre id="geometry">,
// read back from the dumped DOM.
nlohmann::json Geometry(const fs::path& page, const fs::path& dir) {
  std::string html = ReadFile(page);
  const std::string probe = R"(<script>
(function () {
  const top = (selector) => {
    const e = document.querySelector(selector);
    return e ? e.getBoundingClientRect().top + window.scrollY : -1;
  };
  const legends = [...document.querySelectorAll('section[id^="w-"] svg')]
    .map((svg) => [...svg.querySelectorAll('text.legend')].map((t) => t.textContent))
    .filter((names) => names.length > 0);
  const pre = document.createElement('pre');
  pre.id = 'geometry';
  pre.textContent = JSON.stringify({headline: top('#answer table'), forest: top('#forest svg'), legends: legends});
  document.body.appendChild(pre);
})();
</script>
)";
  html.insert(html.rfind("</body>"), probe);
  const fs::path probed = dir / "probed.html";
  WriteFileAtomic(probed, html);
  auto r = process::RunCommand({kChromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--window-size=1280,1000", "--user-data-dir=" + (dir / "profile-geometry").string(),
                                "--dump-dom", "file://" + probed.string()},
                               dir, {}, std::chrono::seconds(120));
  static const std::regex kPre(R"(<pre id="geometry">([^<]*)</pre>)");
  std::smatch m;
  if (!std::regex_search(r.out, m, kPre)) return nullptr;
  return nlohmann::json::parse(m[1].str());
}

// Console messages the page logged at error level, or uncaught exceptions.
std::vector<std::string> ConsoleErrors(const std::string& log) {
  std::vector<std::string> out;
  static const std::regex kLine(R"((CONSOLE\(\d+\)|console|Uncaught)[^\n]*)", std::regex::icase);
  for (auto it = std::sregex_iterator(log.begin(), log.end(), kLine); it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

class ReportHtml : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(kChromium)) << "chromium is not installed: run scripts/bootstrap.sh";
    dir_ = fs::temp_directory_path() / ("claimbench-html-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// The detector sees a console error when there is one, so its silence below means something.
TEST_F(ReportHtml, ConsoleErrorsAreDetected) {
  fs::path page = dir_ / "bad.html";
  WriteFileAtomic(page, "<!doctype html><title>t</title><script>console.error('planted failure')</script>");
  auto r = Render(page, dir_, dir_ / "bad.png");
  auto errors = ConsoleErrors(r.result.err);
  ASSERT_FALSE(errors.empty()) << r.result.err;
  EXPECT_NE(errors.front().find("planted failure"), std::string::npos) << errors.front();
}

TEST_F(ReportHtml, ReportOfARealRunRendersWithChartsAndNoConsoleErrors) {
  fs::path out = dir_ / "run";
  auto run = Cli({"run", "--workload", "http-plaintext", "--workload", "cpu-bound", "--impl", "go-nethttp", "--impl",
                  "rust-axum", "--impl", "go-cpu", "--impl", "rust-cpu", "--impl", "cpp-cpu", "--duration", "1s",
                  "--warmup", "200ms", "--point-duration", "300ms", "--startup-runs", "2", "--repeat", "2",
                  "--iterations", "2", "--no-build-times", "--no-instruction-counts", "--out",
                  out.string()});
  ASSERT_EQ(run.status.code, 0) << run.out << run.err;
  auto html = Cli({"report", (out / "results.json").string(), "--format", "html"});
  ASSERT_EQ(html.status.code, 0) << html.err;
  fs::path page = dir_ / "report.html";
  WriteFileAtomic(page, html.out);
  // Kept for a person to look at: build/Testing/report-screenshot.png.
  fs::path screenshot = fs::path(CLAIMBENCH_BINARY).parent_path().parent_path() / "Testing" / "report-screenshot.png";
  fs::create_directories(screenshot.parent_path());
  fs::remove(screenshot);

  auto r = Render(page, dir_, screenshot);
  EXPECT_EQ(r.result.status.code, 0) << r.result.err;
  auto errors = ConsoleErrors(r.result.err);
  EXPECT_TRUE(errors.empty()) << errors.front();
  ASSERT_TRUE(fs::exists(screenshot));
  EXPECT_GT(fs::file_size(screenshot), 50'000u) << "a near-empty screenshot";

  // The browser parsed the charts: throughput, latency spectrum and RSS for the HTTP
  // workload, throughput for each batch task, and the claims table.
  size_t svgs = 0;
  for (size_t at = 0; (at = r.dom.find("<svg", at)) != std::string::npos; ++at) ++svgs;
  EXPECT_GE(svgs, 5u) << "charts missing from the rendered DOM";
  for (const char* text : {"http-plaintext", "cpu-bound", "nbody", "go-nethttp", "rust-axum", "d002-json-parse"}) {
    EXPECT_NE(r.dom.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(r.dom.find("http://"), std::string::npos) << "the report must not load anything from the network";

  // The answer first: the headline table and the forest plot are within the first 1,000 px.
  nlohmann::json geometry = Geometry(page, dir_);
  ASSERT_TRUE(geometry.is_object()) << "no geometry from the probe";
  EXPECT_GE(geometry["headline"].get<double>(), 0) << "no headline table";
  EXPECT_LT(geometry["headline"].get<double>(), 1000);
  EXPECT_GE(geometry["forest"].get<double>(), 0) << "no forest plot";
  EXPECT_LT(geometry["forest"].get<double>(), 1000);

  // Every legend lists every implementation of its chart, also with more series than fit on
  // one row: the HTTP workload's implementations are cloned to nine before rendering.
  nlohmann::json results = nlohmann::json::parse(ReadFile(out / "results.json"));
  std::set<std::string> ids;
  for (auto& w : results["workloads"]) {
    if (w["id"] != "http-plaintext") continue;
    const nlohmann::json originals = w["implementations"];
    for (int copy = 1; w["implementations"].size() < 9; ++copy) {
      for (const auto& i : originals) {
        if (w["implementations"].size() >= 9) break;
        nlohmann::json clone = i;
        clone["id"] = i["id"].get<std::string>() + "-copy" + std::to_string(copy);
        w["implementations"].push_back(clone);
      }
    }
    for (const auto& i : w["implementations"]) ids.insert(i["id"].get<std::string>());
  }
  ASSERT_EQ(ids.size(), 9u);
  WriteFileAtomic(dir_ / "nine.json", results.dump());
  auto nine = Cli({"report", (dir_ / "nine.json").string(), "--format", "html"});
  ASSERT_EQ(nine.status.code, 0) << nine.err;
  WriteFileAtomic(dir_ / "nine.html", nine.out);
  nlohmann::json nine_geometry = Geometry(dir_ / "nine.html", dir_);
  ASSERT_TRUE(nine_geometry.is_object());
  int legends_of_implementations = 0;
  for (const auto& legend : nine_geometry["legends"]) {
    std::set<std::string> names;
    for (const auto& n : legend) names.insert(n.get<std::string>());
    bool names_one = false;
    for (const auto& id : ids) names_one = names_one || names.count(id) > 0;
    if (!names_one) continue;  // a legend of line styles (p50, p99), not of implementations
    ++legends_of_implementations;
    for (const auto& id : ids) EXPECT_EQ(names.count(id), 1u) << id << " missing from a legend of " << legend;
  }
  EXPECT_GT(legends_of_implementations, 0) << "no chart legend names the implementations";
}

}  // namespace
}  // namespace claimbench
