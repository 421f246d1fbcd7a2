// Spec and vector parsing, including broken files: every error names file and line.
#include <gtest/gtest.h>

#include <fstream>

#include "spec/spec_error.h"
#include "spec/vectors.h"
#include "spec/workload.h"

namespace claimbench::spec {
namespace {

namespace fs = std::filesystem;

class SpecFiles : public ::testing::Test {
 protected:
  fs::path Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("claimbench-spec-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// The message of the SpecError `f` throws.
template <typename F>
std::string ErrorOf(F f) {
  try {
    f();
  } catch (const SpecError& e) {
    return e.what();
  }
  return "no error";
}

TEST_F(SpecFiles, ParsesTheRealJsonApiVectors) {
  auto vectors = LoadVectors(fs::path(CLAIMBENCH_SOURCE_DIR) / "workloads/http-json-api/vectors.toml");
  ASSERT_GE(vectors.size(), 30u);
  EXPECT_EQ(vectors[0].name, "create-basic");
  EXPECT_EQ(vectors[0].method, "POST");
  EXPECT_EQ(vectors[0].expect.status, 200);
  int over = 0, exact = 0;
  for (const auto& v : vectors) {
    if (v.name == "body-over-1MiB") over = static_cast<int>(v.body.size());
    if (v.name == "body-exactly-1MiB") exact = static_cast<int>(v.body.size());
    if (v.name == "invalid-utf8-in-string") {
      EXPECT_EQ(v.body, "{\"name\":\"\xff\xfe\",\"price\":1}");
    }
  }
  EXPECT_EQ(exact, 1 << 20);
  EXPECT_EQ(over, (1 << 20) + 1);
}

TEST_F(SpecFiles, TomlSyntaxErrorNamesFileAndLine) {
  auto p = Write("v.toml", "[[vector]]\nname = \"a\"\nmethod = \n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(p); }).rfind(p.string() + ":3: ", 0), 0u) << ErrorOf([&] { LoadVectors(p); });
}

TEST_F(SpecFiles, MissingFieldNamesTheTableLine) {
  auto p = Write("v.toml", "\n\n[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(p); }), p.string() + ":3: vector 'a' has no [vector.expect] table");
}

TEST_F(SpecFiles, WrongTypeNamesTheValueLine) {
  auto p = Write("v.toml",
                 "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\n[vector.expect]\nstatus = \"200\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(p); }), p.string() + ":6: 'status' must be an integer");
}

TEST_F(SpecFiles, UnknownKeyIsATypo) {
  auto p = Write("v.toml",
                 "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\n[vector.expect]\nstauts = 200\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(p); }),
            p.string() + ":6: unknown key 'stauts' (expected one of: status content_type headers body_json body headers_present)");
}

TEST_F(SpecFiles, BadHexAndTwoBodies) {
  auto hex = Write("h.toml",
                   "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\nbody_hex = \"7g\"\n"
                   "[vector.expect]\nstatus = 200\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(hex); }), hex.string() + ":5: 'body_hex' has a non-hex character 'g'");
  auto two = Write("t.toml",
                   "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\nbody = \"x\"\nbody_hex = \"78\"\n"
                   "[vector.expect]\nstatus = 200\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(two); }),
            two.string() + ":1: give at most one of 'body', 'body_hex', 'body_repeat'");
}

TEST_F(SpecFiles, DuplicateVectorNameAndBadJsonExpectation) {
  auto dup = Write("d.toml",
                   "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\n[vector.expect]\nstatus = 200\n"
                   "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\n[vector.expect]\nstatus = 200\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(dup); }), dup.string() + ":8: duplicate vector name 'a'");
  auto bad = Write("b.toml",
                   "[[vector]]\nname = \"a\"\nmethod = \"GET\"\npath = \"/\"\n[vector.expect]\nstatus = 200\n"
                   "body_json = '{\"a\":'\n");
  EXPECT_EQ(ErrorOf([&] { LoadVectors(bad); }), bad.string() + ":7: 'body_json' is not valid JSON");
}

TEST_F(SpecFiles, MissingFileIsNamed) {
  auto p = dir_ / "nope.toml";
  EXPECT_EQ(ErrorOf([&] { LoadVectors(p); }).rfind(p.string() + ": cannot read", 0), 0u);
}

TEST_F(SpecFiles, WorkloadBadDurationAndKind) {
  auto p = Write("workload.toml",
                 "id = \"w\"\nkind = \"http\"\nvectors = \"v.toml\"\nimplementations = [\"x\"]\n[load]\n"
                 "duration = \"10 parsecs\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(p); }),
            p.string() + ":6: invalid duration '10 parsecs' (use a unit of ns, us, ms, s, m or h, e.g. 10s)");
  auto k = Write("workload.toml", "id = \"w\"\nkind = \"grpc\"\nvectors = \"v.toml\"\nimplementations = [\"x\"]\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(k); }), k.string() + ":2: 'kind' must be \"http\" or \"batch\"");
}

TEST_F(SpecFiles, WorkloadFieldsAndQuickWindow) {
  auto p = Write("workload.toml",
                 "id = \"w\"\nkind = \"http\"\nvectors = \"v.toml\"\nimplementations = [\"a\", \"b\"]\n[load]\n"
                 "method = \"POST\"\npath = \"/p\"\nheaders = { \"Content-Type\" = \"application/json\" }\n"
                 "body = '{}'\nconnections = 8\nduration = \"3s\"\nwarmup = \"500ms\"\n[quick]\nduration = \"1s\"\n");
  Workload w = LoadWorkload(p);
  EXPECT_EQ(w.id, "w");
  EXPECT_EQ(w.implementations, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(w.load.connections, 8);
  EXPECT_EQ(w.load.duration, std::chrono::seconds(3));
  EXPECT_EQ(w.load.warmup, std::chrono::milliseconds(500));
  EXPECT_EQ(w.load.quick_duration, std::chrono::seconds(1));
  EXPECT_EQ(w.load.quick_warmup, std::chrono::milliseconds(500));
  EXPECT_EQ(w.vectors_file, dir_ / "v.toml");
  ASSERT_EQ(w.load.headers.size(), 1u);
  EXPECT_EQ(w.load.headers[0].second, "application/json");
}

TEST_F(SpecFiles, TheRealCatalogCrossChecks) {
  Catalog c = LoadCatalog(CLAIMBENCH_SOURCE_DIR);
  const Workload& w = c.GetWorkload("http-json-api");
  for (const auto& id : w.implementations) EXPECT_NO_THROW(c.GetImplementation(id));
  EXPECT_THROW(c.GetWorkload("nope"), std::invalid_argument);
}

TEST_F(SpecFiles, UnknownImplementationInWorkloadNamesLine) {
  fs::create_directories(dir_ / "workloads/w");
  fs::create_directories(dir_ / "harness");
  Write("workloads/implementations.toml",
        "[[implementation]]\nid = \"a\"\nlanguage = \"go\"\nkind = \"http-server\"\npackage = \"./x\"\n"
        "binary = \"x\"\nlibrary = \"l\"\n");
  auto p = Write("workloads/w/workload.toml", "id = \"w\"\nkind = \"http\"\nvectors = \"v.toml\"\n\nimplementations = [\"a\", \"zz\"]\n");
  EXPECT_EQ(ErrorOf([&] { LoadCatalog(dir_); }),
            p.string() + ":5: implementation 'zz' is not defined in workloads/implementations.toml");
}

constexpr const char* kBatchHead =
    "id = \"b\"\nkind = \"batch\"\nimplementations = [\"a\", \"c\"]\n"
    "[[corpus]]\nname = \"text\"\nseed = 7\n"
    "sha256 = \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"\n";

TEST_F(SpecFiles, BatchWorkloadTasksCorporaAndOverrides) {
  auto p = Write("workload.toml", std::string(kBatchHead) +
                                      "[batch]\nwarmup = 2\niterations = 9\ntimeout = \"30s\"\n"
                                      "[quick]\niterations = 3\n"
                                      "[[task]]\nid = \"word\"\ntask = \"count\"\ncorpus = \"text\"\n"
                                      "params = { pattern = '\\bx\\b', captures = true, n = 4 }\n"
                                      "params_rust = { pattern = '(?-u:\\b)x(?-u:\\b)' }\n"
                                      "expect = \"matches=1\"\n"
                                      "[[task]]\nid = \"idle\"\nthroughput = \"none\"\nimplementations = [\"c\"]\n"
                                      "fresh_process = true\nexpect = \"tasks=1\"\n");
  Workload w = LoadWorkload(p);
  EXPECT_EQ(w.kind, "batch");
  EXPECT_EQ(w.batch.warmup, 2);
  EXPECT_EQ(w.batch.iterations, 9);
  EXPECT_EQ(w.batch.quick_warmup, 2);  // [quick] falls back to [batch]
  EXPECT_EQ(w.batch.quick_iterations, 3);
  EXPECT_EQ(w.batch.timeout, std::chrono::seconds(30));
  ASSERT_EQ(w.batch.corpora.size(), 1u);
  EXPECT_EQ(w.batch.corpora[0].seed, 7u);
  ASSERT_EQ(w.batch.tasks.size(), 2u);
  const BatchTask& word = w.batch.tasks[0];
  EXPECT_EQ(word.runner_task, "count");
  EXPECT_EQ(word.throughput, "bytes");
  // toml++ keeps a table's keys sorted.
  using Params = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(word.ParamsFor("go"), (Params{{"captures", "true"}, {"n", "4"}, {"pattern", "\\bx\\b"}}));
  EXPECT_EQ(word.ParamsFor("rust"), (Params{{"captures", "true"}, {"n", "4"}, {"pattern", "(?-u:\\b)x(?-u:\\b)"}}));
  EXPECT_EQ(w.batch.tasks[1].runner_task, "idle");
  EXPECT_EQ(w.batch.tasks[1].implementations, std::vector<std::string>{"c"});
  EXPECT_FALSE(word.fresh_process);
  EXPECT_TRUE(w.batch.tasks[1].fresh_process);
}

TEST_F(SpecFiles, BatchErrorsNameTheLine) {
  auto undeclared = Write("a.toml", std::string(kBatchHead) + "[[task]]\nid = \"t\"\ncorpus = \"nope\"\nexpect = \"x\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(undeclared); }),
            undeclared.string() + ":10: corpus 'nope' is not declared in a [[corpus]] table");
  auto bad_hash = Write("b.toml",
                        "id = \"b\"\nkind = \"batch\"\nimplementations = [\"a\"]\n[[corpus]]\nname = \"t\"\nseed = 1\n"
                        "sha256 = \"ABC\"\n[[task]]\nid = \"t\"\ncorpus = \"t\"\nexpect = \"x\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(bad_hash); }), bad_hash.string() + ":7: 'sha256' must be 64 lowercase hex digits");
  auto no_tasks = Write("c.toml", kBatchHead);
  EXPECT_NE(ErrorOf([&] { LoadWorkload(no_tasks); }).find("a batch workload needs at least one [[task]]"),
            std::string::npos);
  auto stranger = Write("d.toml", std::string(kBatchHead) +
                                      "[[task]]\nid = \"t\"\nthroughput = \"none\"\nimplementations = [\"zz\"]\n"
                                      "expect = \"x\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(stranger); }),
            stranger.string() + ":11: implementation 'zz' is not one of the workload's implementations");
  auto no_input = Write("e.toml", std::string(kBatchHead) + "[[task]]\nid = \"t\"\nexpect = \"x\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(no_input); }),
            no_input.string() + ":8: task 't' reports throughput per input bytes but names no corpus");
  auto http_key = Write("f.toml", "vectors = \"v.toml\"\n" + std::string(kBatchHead) +
                                      "[[task]]\nid = \"t\"\nthroughput = \"none\"\nexpect = \"x\"\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(http_key); }),
            http_key.string() + ":1: 'vectors' is for http workloads; batch tasks pin 'expect'");
}

// [instructions] (issue 14): K, the quick suite, or why not; absent means not counted.
TEST_F(SpecFiles, InstructionsTable) {
  const std::string task = "[[task]]\nid = \"t\"\nthroughput = \"none\"\nexpect = \"x\"\n";
  auto counted = Write("a.toml", std::string(kBatchHead) + "[instructions]\niterations = 3\nquick = false\n" + task);
  Workload w = LoadWorkload(counted);
  ASSERT_TRUE(w.batch.instructions.has_value());
  EXPECT_EQ(w.batch.instructions->iterations, 3);
  EXPECT_FALSE(w.batch.instructions->quick);
  EXPECT_TRUE(w.batch.instructions->Counted());
  auto defaults = Write("b.toml", std::string(kBatchHead) + "[instructions]\n" + task);
  w = LoadWorkload(defaults);
  ASSERT_TRUE(w.batch.instructions.has_value());
  EXPECT_EQ(w.batch.instructions->iterations, 2);
  EXPECT_TRUE(w.batch.instructions->quick);
  auto why_not = Write("c.toml", std::string(kBatchHead) + "[instructions]\nnot_counted = \"threads\"\n" + task);
  w = LoadWorkload(why_not);
  ASSERT_TRUE(w.batch.instructions.has_value());
  EXPECT_FALSE(w.batch.instructions->Counted());
  EXPECT_EQ(w.batch.instructions->not_counted, "threads");
  auto absent = Write("d.toml", std::string(kBatchHead) + task);
  EXPECT_FALSE(LoadWorkload(absent).batch.instructions.has_value());

  // The real workloads: the single-threaded ones are counted (regex in the full suite
  // only), the worker pool says why it is not.
  Catalog c = LoadCatalog(CLAIMBENCH_SOURCE_DIR);
  for (const char* id : {"json-parse", "cpu-bound", "regex"}) {
    const auto& counting = c.GetWorkload(id).batch.instructions;
    ASSERT_TRUE(counting.has_value()) << id;
    EXPECT_TRUE(counting->Counted()) << id;
    EXPECT_EQ(counting->iterations, 2) << id;
    EXPECT_EQ(counting->quick, std::string(id) != "regex") << id;
  }
  const auto& pool = c.GetWorkload("worker-pool").batch.instructions;
  ASSERT_TRUE(pool.has_value());
  EXPECT_NE(pool->not_counted.find("one thread at a time"), std::string::npos) << pool->not_counted;
}

TEST_F(SpecFiles, InstructionsErrorsNameTheLine) {
  const std::string task = "[[task]]\nid = \"t\"\nthroughput = \"none\"\nexpect = \"x\"\n";
  // kBatchHead is 7 lines: [instructions] is line 8, its first key line 9.
  auto typo = Write("a.toml", std::string(kBatchHead) + "[instructions]\niteration = 2\n" + task);
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(typo); }),
            typo.string() + ":9: unknown key 'iteration' (expected one of: iterations quick not_counted)");
  auto zero = Write("b.toml", std::string(kBatchHead) + "[instructions]\niterations = 0\n" + task);
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(zero); }), zero.string() + ":9: 'iterations' must be at least 1");
  auto text = Write("c.toml", std::string(kBatchHead) + "[instructions]\niterations = \"2\"\n" + task);
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(text); }), text.string() + ":9: 'iterations' must be an integer");
  auto quick = Write("d.toml", std::string(kBatchHead) + "[instructions]\nquick = \"no\"\n" + task);
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(quick); }), quick.string() + ":9: 'quick' must be true or false");
  auto both =
      Write("e.toml", std::string(kBatchHead) + "[instructions]\nnot_counted = \"threads\"\niterations = 2\n" + task);
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(both); }),
            both.string() + ":10: 'iterations' has no use beside 'not_counted': the workload is not counted");
  auto empty = Write("f.toml", std::string(kBatchHead) + "[instructions]\nnot_counted = \"\"\n" + task);
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(empty); }),
            empty.string() + ":9: 'not_counted' must say why the workload is not counted");
  auto http = Write("g.toml", "id = \"h\"\nkind = \"http\"\nvectors = \"v.toml\"\nimplementations = [\"a\"]\n"
                              "[instructions]\niterations = 2\n");
  EXPECT_EQ(ErrorOf([&] { LoadWorkload(http); }), http.string() + ":5: 'instructions' is for batch workloads");
}

TEST_F(SpecFiles, ImplementationArgs) {
  auto p = Write("implementations.toml",
                 "[[implementation]]\nid = \"r\"\nlanguage = \"rust\"\nkind = \"batch-runner\"\npackage = \"p\"\n"
                 "binary = \"b\"\nlibrary = \"l\"\nargs = [\"--runtime\", \"tokio\"]\n");
  auto impls = LoadImplementations(p);
  EXPECT_EQ(impls.at("r").args, (std::vector<std::string>{"--runtime", "tokio"}));
}

}  // namespace
}  // namespace claimbench::spec
