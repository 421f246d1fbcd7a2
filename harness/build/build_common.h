// What every Builder shares: the steps around a toolchain's own build (naming the record,
// measuring the binary), scratch copies for cold and incremental build times, and the
// wording of failures.
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "build/builder.h"
#include "process/command.h"

namespace claimbench::build {

/// One toolchain's own steps: build `record.binary` and fill command, flags, toolchain,
/// libraries, settings and build times. Returns false with `record.error` set on failure.
using BuildSteps = std::function<bool(BuildRecord& record)>;

/// Runs `steps` with what every builder does around them: names the record after `impl`,
/// creates the binary's folder, turns an exception into a failed record, and after a
/// successful build measures the binary (as built and stripped) and the handler's lines.
BuildRecord RunBuildSteps(const std::filesystem::path& root, const spec::Implementation& impl,
                          const std::filesystem::path& binary, const BuildSteps& steps);

/// A scratch directory under the system temp directory, removed on scope exit.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Copies the tree `from` to `to`, leaving out entries named in `skip` at any depth
/// (build output such as "target" or "bin").
void CopyTree(const std::filesystem::path& from, const std::filesystem::path& to, const std::set<std::string>& skip);

/// Times `build` run in `scratch / dir` (the cold build), then again after the handler
/// source changed (the incremental build). `source` is relative to the repository root,
/// like the scratch copy's layout; `dir` is "go", "rust" or "cpp". Appends to the runs of
/// cold_build_s and incremental_build_s and sets each to the median of its runs; false
/// (with record.error) when a build fails.
bool TimeColdAndIncremental(const std::vector<std::string>& build, const std::filesystem::path& scratch,
                            const std::string& dir, const std::vector<std::string>& env, const std::string& source,
                            BuildRecord& record);

/// Runs `time_once` (one scratch copy's cold and incremental builds, by
/// TimeColdAndIncremental) `runs` times; the first failure ends it.
bool TimeBuilds(int runs, BuildRecord& record, const std::function<bool(BuildRecord&)>& time_once);

/// Size of a copy of `binary` after `strip --strip-all`; 0 when strip fails.
int64_t StrippedSize(const std::filesystem::path& binary);

/// Marks `record` failed with "<what> failed (<status>):" and the tail of the output.
/// Always returns false, so a step can `return Fail(...)`.
bool Fail(BuildRecord& record, const std::string& what, const process::CommandResult& result);

/// "<what> failed (<status>)", with the last line of its error output: for a setting that
/// could not be read.
std::string FailureSummary(const std::string& what, const process::CommandResult& result);

/// argv as one shell-like line, for the record's `command`.
std::string JoinArgs(const std::vector<std::string>& argv);

/// The first line of a tool's output ("rustc 1.95.0 (...)").
std::string FirstLine(const std::string& text);

/// The value of a setting that could not be read: "not read: <why>".
std::string NotRead(const std::string& why);

}  // namespace claimbench::build
