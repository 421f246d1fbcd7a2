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

}  // namespace
}  // namespace claimbench::spec
