// The runtime model of what claimbench measures: implementations (workloads/
// implementations.toml) and workloads (workloads/<id>/workload.toml).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace claimbench::spec {

enum class Language { kGo, kRust, kCpp };
std::string_view LanguageName(Language language);

/// One buildable program: an HTTP server or a batch runner.
struct Implementation {
  std::string id;        ///< e.g. "go-nethttp"
  Language language = Language::kGo;
  std::string kind;      ///< "http-server" | "batch-runner"
  std::string package;   ///< go package path in go/, crate name in rust/, CMake target
  std::string binary;    ///< executable file name
  std::string library;   ///< the library the result names
  std::string source;    ///< handler source, relative to the repository root
  /// The environment variable that sets the server's worker count ("GOMAXPROCS",
  /// "TOKIO_WORKER_THREADS"); empty when the server derives it from its CPU affinity mask.
  std::string workers_env;
};

/// How the load generator drives an HTTP workload.
struct LoadSpec {
  std::string method = "GET";
  std::string path = "/";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  int connections = 64;
  std::chrono::nanoseconds duration = std::chrono::seconds(10);
  std::chrono::nanoseconds warmup = std::chrono::seconds(2);
  std::chrono::nanoseconds quick_duration = std::chrono::seconds(5);
  std::chrono::nanoseconds quick_warmup = std::chrono::seconds(1);
  /// Further load points after the main closed-loop measurement:
  std::vector<int> connection_sweep;   ///< closed loop at these connection counts
  std::vector<double> fixed_rates;     ///< open loop at these rates (req/s): P99 at a rate
  std::vector<double> knee_fractions;  ///< open loop at these fractions of the closed-loop max
  std::chrono::nanoseconds point_duration = std::chrono::seconds(5);
  std::chrono::nanoseconds quick_point_duration = std::chrono::seconds(2);
  /// A JSON body template whose "price" the load generator varies (seeded), so that no
  /// server can answer from a cache; empty: the fixed `body` is sent.
  bool vary_price = false;
};

struct Workload {
  std::string id;
  std::string kind;  ///< "http" | "batch"
  std::string description;
  std::filesystem::path dir;           ///< the workload's folder
  std::filesystem::path vectors_file;  ///< absolute
  std::vector<std::string> implementations;
  LoadSpec load;
};

/// Everything under workloads/, cross-checked (every referenced implementation exists).
struct Catalog {
  std::filesystem::path root;  ///< repository root
  std::map<std::string, Implementation> implementations;
  std::vector<Workload> workloads;  ///< sorted by id

  const Workload& GetWorkload(const std::string& id) const;          ///< throws, listing ids
  const Implementation& GetImplementation(const std::string& id) const;
};

/// Parses one workload.toml. Throws SpecError (file:line) on any problem.
Workload LoadWorkload(const std::filesystem::path& workload_toml);

/// Parses implementations.toml.
std::map<std::string, Implementation> LoadImplementations(const std::filesystem::path& file);

/// Loads workloads/implementations.toml and every workloads/*/workload.toml under `root`.
Catalog LoadCatalog(const std::filesystem::path& root);

}  // namespace claimbench::spec
