// The results reader and writer: a file written by the previous release (schema_version 1,
// tests/data/v1-run/, from a real short run) is read, written back with nothing lost, and
// rendered as that release rendered it; unknown versions and malformed documents are
// refused with the version or the JSON path named.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <filesystem>
#include <sstream>
#include <string>

#include "report/reporter.h"
#include "results/results_json.h"
#include "util/files.h"

namespace claimbench::results {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path V1(const std::string& name) { return fs::path(CLAIMBENCH_SOURCE_DIR) / "tests" / "data" / "v1-run" / name; }

// A CSV line without its last field (a quoted field may hold commas).
// `line` without its last `n` CSV fields.
std::string WithoutLastFields(std::string line, int n) {
  for (int k = 0; k < n; ++k) {
    bool quoted = false;
    size_t last = std::string::npos;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      if (line[i] == ',' && !quoted) last = i;
    }
    line = line.substr(0, last);
  }
  return line;
}

// `text`'s lines, each without its last `n` fields.
std::string WithoutLastColumns(const std::string& text, int n) {
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out += WithoutLastFields(line, n) + "\n";
  return out;
}

json V1Document() { return json::parse(ReadFile(V1("results.json"))); }

// The paths at which two documents differ, one per line (at most `limit`).
std::string Differences(const json& expected, const json& actual, size_t limit = 20) {
  std::string out;
  json patch = json::diff(expected, actual);
  for (size_t i = 0; i < patch.size() && i < limit; ++i) out += patch[i].dump() + "\n";
  if (patch.size() > limit) out += "... " + std::to_string(patch.size() - limit) + " more\n";
  return out;
}

TEST(ResultsJson, PreviousReleaseFileIsReadWhole) {
  RunResults r = ReadResults(V1Document());
  EXPECT_EQ(r.schema_version, 1);
  EXPECT_EQ(r.suite, Suite::kQuick);
  ASSERT_EQ(r.workloads.size(), 2u);
  ASSERT_NE(r.workloads[0].http(), nullptr);
  ASSERT_NE(r.workloads[1].batch(), nullptr);
  const HttpWorkload& http = *r.workloads[0].http();
  EXPECT_EQ(http.id, "http-plaintext");
  ASSERT_EQ(http.implementations.size(), 2u);
  for (const auto& impl : http.implementations) {
    EXPECT_EQ(impl.status, Status::kOk) << impl.id;
    EXPECT_EQ(impl.trials.size(), 2u) << impl.id;
    EXPECT_GT(impl.trials[0].load.requests, 0) << impl.id;
    EXPECT_FALSE(impl.trials[0].load.latency_histogram.buckets.empty()) << impl.id;
    EXPECT_GT(impl.summary.at("requests_per_s").median, 0) << impl.id;
  }
  ASSERT_TRUE(r.claims.has_value());
  EXPECT_EQ(r.claims->size(), 152u);
}

// Version 3 recomputes an older file's intervals from its samples: copies the summaries'
// and ratios' interval fields (ci_low, ci_high, noisy) and the ratio lists of `from` into
// `into`, so two documents can be compared on everything else.
void TakeIntervals(json& into, const json& from) {
  if (into.is_object() && from.is_object()) {
    for (auto& [key, value] : into.items()) {
      if (!from.contains(key)) continue;
      if (key == "ci_low" || key == "ci_high" || key == "noisy" || key == "ratios") {
        value = from[key];
      } else {
        TakeIntervals(value, from[key]);
      }
    }
  } else if (into.is_array() && from.is_array() && into.size() == from.size()) {
    for (size_t i = 0; i < into.size(); ++i) TakeIntervals(into[i], from[i]);
  }
}

TEST(ResultsJson, WritingBackLosesNothingButTheVersion) {
  json original = V1Document();
  json written = ResultsJson(ReadResults(original));
  EXPECT_EQ(written["schema_version"], kSchemaVersion);
  original["schema_version"] = kSchemaVersion;
  // Version 1 wrote an "implementations" list on batch workloads that was always empty (a
  // batch workload's implementations are per task); version 2 does not.
  for (auto& w : original["workloads"]) {
    if (w["kind"] == "batch") {
      EXPECT_EQ(w["implementations"], json::array());
      w.erase("implementations");
      // Version 2 counts runner processes and each one's measured iterations; a version 1
      // file ran one process per task (or one per iteration for fresh_process tasks).
      w["batch"]["processes"] = 1;
      for (auto& t : w["tasks"]) {
        for (auto& e : t["implementations"]) {
          for (auto& p : e["process"]) p["iterations"] = e["measure_ns"].size() / e["process"].size();
        }
      }
    }
  }
  // The previous release's bootstrap intervals are recomputed (the only changed figures):
  // at two trials there is no 95% interval of a median any more.
  EXPECT_FALSE(original["workloads"][0]["implementations"][0]["summary"]["requests_per_s"]["ci_low"].is_null());
  EXPECT_TRUE(written["workloads"][0]["implementations"][0]["summary"]["requests_per_s"]["ci_low"].is_null());
  TakeIntervals(original, written);
  EXPECT_TRUE(written == original) << Differences(original, written);
}

TEST(ResultsJson, PreviousReleaseCsvRendersTheSame) {
  RunResults r = ReadResults(V1Document());
  // results.csv has since gained six last columns (n, min, max, noisy, language, library),
  // and its intervals (ci_low, ci_high, before those) are recomputed from the samples
  // (schema 3); claims.csv four (the claim's conditions and verdict, the claimed ratio's
  // bounds).
  EXPECT_EQ(WithoutLastColumns(report::Render("csv", r), 8), WithoutLastColumns(ReadFile(V1("results.csv")), 2));
  EXPECT_EQ(WithoutLastColumns(report::Render("claims-csv", r), 4), ReadFile(V1("claims.csv")));
}

// report.md's measurement sections as the previous release wrote them, but for the one note
// that now says which p99 the HTTP table shows, the two that name the intervals (now
// order-statistic, not bootstrap, and the batch samples one per runner process), and the
// builds note (cold builds may be medians of several). The figures
// are the file's own. (The claims section has changed since, as the verdict rules did:
// claims_test and judge_test hold those.)
TEST(ResultsJson, PreviousReleaseMarkdownRendersTheSameButForTheNewNotes) {
  auto before_claims = [](const std::string& md) { return md.substr(0, md.find("## Claims")); };
  std::string md = before_claims(report::Render("md", ReadResults(V1Document())));
  // The answer sections now come first, above the run's header ("## Run"); the noisy mark
  // is escaped ("\~") so GitHub does not strike through what lies between two of them.
  md = "# claimbench report\n\n" + md.substr(md.find("## Run\n\n") + 8);
  // Figures of five digits and more now carry thousands separators ("85,579").
  md = std::regex_replace(md, std::regex(R"((\d),(\d{3})\b)"), "$1$2");
  md = std::regex_replace(md, std::regex(R"((\d),(\d{3})\b)"), "$1$2");
  for (size_t at = md.find("\\~"); at != std::string::npos; at = md.find("\\~", at)) md.erase(at, 1);
  const std::string note = "p50, p99: medians of per-trial percentiles";
  size_t at = md.find(note);
  ASSERT_NE(at, std::string::npos) << md;
  md.erase(at, md.find("\n\n", at) + 2 - at);
  std::string expected = before_claims(ReadFile(V1("report.md")));
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t where = expected.find(from);
    ASSERT_NE(where, std::string::npos) << from;
    expected.replace(where, from.size(), to);
  };
  replace("medians over the trials, with 95% bootstrap CIs.",
          "medians over the trials, with 95% order-statistic CIs (none below 6 trials).");
  replace("1 warmup + 2 measured iterations per runner; medians over the iterations, with 95% bootstrap CIs.",
          "1 runner process(es) per implementation, each 1 warmup + 2 measured iterations; one sample per process (the "
          "median of its iterations), medians over the processes with 95% order-statistic CIs (none below 6 samples).");
  replace("Cold and incremental build times were not measured in this run (--no-build-times).",
          "Cold and incremental build times were not measured in this run (the full suite times them; the quick suite "
          "only with --build-times).");
  replace("Build times in seconds of wall time; binary sizes",
          "Build times in seconds of wall time (medians where cold builds ran several times); binary sizes");
  // The intervals are recomputed (two trials: none at 95%, so the cells show the median and
  // the noisy mark): compare everything else.
  auto without_intervals = [](std::string text) {
    text = std::regex_replace(text, std::regex(R"( \[[-0-9.e+, ]+\])"), "");
    text.erase(std::remove(text.begin(), text.end(), '~'), text.end());
    return text;
  };
  EXPECT_EQ(without_intervals(md), without_intervals(expected));
}

TEST(ResultsJson, UnknownVersionIsRefusedNamingItAndWhatToDo) {
  json doc = V1Document();
  doc["schema_version"] = 99;
  try {
    ReadResults(doc);
    FAIL() << "no error";
  } catch (const SchemaVersionError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("schema_version 99"), std::string::npos) << what;
    EXPECT_NE(what.find("newer claimbench"), std::string::npos) << what;
  }
  doc["schema_version"] = 0;
  EXPECT_THROW(ReadResults(doc), SchemaVersionError);
}

void ExpectPathError(const json& doc, const std::string& path, const std::string& expected) {
  try {
    ReadResults(doc);
    FAIL() << "no error for " << path;
  } catch (const JsonFormatError& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

TEST(ResultsJson, MalformedDocumentsNameThePathAndWhatWasExpected) {
  json doc = V1Document();
  doc["workloads"][0]["implementations"][1]["status"] = 7;
  ExpectPathError(doc, "/workloads/0/implementations/1/status", "expected a string");
  doc = V1Document();
  doc["workloads"][0]["implementations"][1]["status"] = "fine";
  ExpectPathError(doc, "/workloads/0/implementations/1/status", "expected one of ok, build_failed");
  doc = V1Document();
  doc["workloads"][1]["kind"] = "stream";
  ExpectPathError(doc, "/workloads/1/kind", "expected one of http, batch");
  doc = V1Document();
  doc["workloads"][0]["implementations"][0]["summary"]["requests_per_s"]["median"] = "fast";
  ExpectPathError(doc, "/workloads/0/implementations/0/summary/requests_per_s/median", "expected a number");
  doc = V1Document();
  doc.erase("run_id");
  ExpectPathError(doc, "/run_id", "missing");
  doc = V1Document();
  doc["claims"][3]["verdict"] = "probably";
  ExpectPathError(doc, "/claims/3/verdict", "not measured here");
}

TEST(ResultsJson, FileErrorsNameTheFile) {
  const fs::path file = fs::temp_directory_path() / ("results-json-test-" + std::to_string(::getpid()) + ".json");
  WriteFileAtomic(file, "{\"schema_version\": 2, ");
  try {
    ReadResultsFile(file);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
  fs::remove(file);
}

TEST(ResultsJson, CurrentVersionRoundTripsExactly) {
  RunResults r = ReadResults(V1Document());
  r.builds["go-nethttp"].record.settings = {{"GOAMD64", "v1"}, {"CGO_ENABLED", "0"}};
  json once = ResultsJson(r);
  json twice = ResultsJson(ReadResults(once));
  EXPECT_TRUE(once == twice) << Differences(once, twice);
  EXPECT_EQ(once["builds"]["go-nethttp"]["settings"]["GOAMD64"], "v1");
}

// Instruction counts (issue 14): a count and a failed count are written and read back; an
// entry that was not counted has no "instructions" key; a malformed count is refused at its
// path.
TEST(ResultsJson, InstructionCountsRoundTripAndAreAbsentWhenNotCounted) {
  RunResults r = ReadResults(V1Document());
  ASSERT_NE(r.workloads[1].batch(), nullptr);
  BatchWorkload& batch = *r.workloads[1].batch();
  ASSERT_FALSE(batch.tasks.empty());
  std::vector<BatchEntry>& entries = batch.tasks[0].implementations;
  ASSERT_GE(entries.size(), 2u);
  entries[0].instructions = InstructionCount{1.5e9, 2, 400'000'000, 3'400'000'000,
                                             "valgrind-3.19.0 cachegrind --cache-sim=no, setarch -R", std::nullopt};
  entries[1].instructions = InstructionCount{std::nullopt, 2, std::nullopt, std::nullopt, "valgrind",
                                             "valgrind not found: scripts/bootstrap.sh installs it"};
  batch.instructions_not_counted = "valgrind runs one thread at a time";

  json once = ResultsJson(r);
  const json& task = once["workloads"][1]["tasks"][0];
  EXPECT_EQ(task["implementations"][0]["instructions"]["per_iteration"], 1.5e9);
  EXPECT_EQ(task["implementations"][0]["instructions"]["total_instructions"], 3'400'000'000);
  EXPECT_FALSE(task["implementations"][1]["instructions"].contains("per_iteration"));
  EXPECT_EQ(task["implementations"][1]["instructions"]["error"],
            "valgrind not found: scripts/bootstrap.sh installs it");
  for (size_t i = 2; i < task["implementations"].size(); ++i) {
    EXPECT_FALSE(task["implementations"][i].contains("instructions")) << i;
  }
  EXPECT_EQ(once["workloads"][1]["instructions_not_counted"], "valgrind runs one thread at a time");
  EXPECT_FALSE(V1Document()["workloads"][1].contains("instructions_not_counted"));

  RunResults back = ReadResults(once);
  const BatchWorkload& read = *back.workloads[1].batch();
  const InstructionCount& counted = read.tasks[0].implementations[0].instructions.value();
  EXPECT_EQ(counted.per_iteration, 1.5e9);
  EXPECT_EQ(counted.iterations, 2);
  EXPECT_EQ(counted.base_instructions, 400'000'000);
  EXPECT_EQ(counted.total_instructions, 3'400'000'000);
  EXPECT_EQ(counted.tool, "valgrind-3.19.0 cachegrind --cache-sim=no, setarch -R");
  EXPECT_EQ(counted.error, std::nullopt);
  EXPECT_EQ(read.tasks[0].implementations[1].instructions.value().error,
            "valgrind not found: scripts/bootstrap.sh installs it");
  EXPECT_EQ(read.instructions_not_counted, "valgrind runs one thread at a time");
  EXPECT_TRUE(once == ResultsJson(back)) << Differences(once, ResultsJson(back));

  json bad = once;
  bad["workloads"][1]["tasks"][0]["implementations"][0]["instructions"]["total_instructions"] = "many";
  ExpectPathError(bad, "/workloads/1/tasks/0/implementations/0/instructions/total_instructions", "expected an integer");
}

}  // namespace
}  // namespace claimbench::results
