// Shared build steps: record bookkeeping, scratch copies, timing, strip, failure text.
#include "build/build_common.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "build/elf_linking.h"
#include "stats/median.h"

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;
using process::CommandResult;
using process::RunCommand;

std::string Tail(const std::string& text, size_t lines = 30) {
  size_t pos = text.size();
  for (size_t n = 0; n <= lines && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  return pos == std::string::npos || pos == 0 ? text : text.substr(pos + 1);
}

std::string Status(const CommandResult& r) { return r.timed_out ? std::string("timed out") : r.status.Describe(); }

// Appends a comment line so the compiler sees a changed file (Go's cache is keyed by
// content, so touching the mtime would not be a rebuild).
void ChangeSource(const fs::path& file) {
  std::ofstream out(file, std::ios::app);
  if (!out) throw std::runtime_error("cannot modify scratch copy of " + file.string());
  out << "\n// claimbench: incremental build probe\n";
}

}  // namespace

BuildRecord RunBuildSteps(const fs::path& root, const spec::Implementation& impl, const fs::path& binary,
                          const BuildSteps& steps) {
  BuildRecord record;
  record.implementation = impl.id;
  record.binary = binary;
  fs::create_directories(record.binary.parent_path());
  try {
    if (!steps(record)) return record;
    record.binary_bytes = static_cast<int64_t>(fs::file_size(record.binary));
    record.binary_stripped_bytes = StrippedSize(record.binary);
    record.static_linked = IsStaticallyLinked(record.binary);
    if (record.static_linked.value_or(false) && !record.static_binary_bytes) {
      record.static_binary_bytes = record.binary_bytes;
      record.static_binary_stripped_bytes = record.binary_stripped_bytes;
      record.static_command = record.command;
    }
    if (!impl.source.empty()) {
      record.handler_lines = CountCodeLines(root / impl.source);
      record.listing_lines = CountListingLines(root / impl.source);
    }
    record.ok = true;
  } catch (const std::exception& e) {
    record.ok = false;
    record.error = e.what();
  }
  return record;
}

ScratchDir::ScratchDir() {
  std::string tmpl = (fs::temp_directory_path() / "claimbench-build-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void CopyTree(const fs::path& from, const fs::path& to, const std::set<std::string>& skip) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(from)) {
    const auto name = entry.path().filename().string();
    if (skip.count(name)) continue;
    if (entry.is_directory()) {
      CopyTree(entry.path(), to / name, skip);
    } else {
      fs::copy_file(entry.path(), to / name, fs::copy_options::overwrite_existing);
    }
  }
}

bool TimeColdAndIncremental(const std::vector<std::string>& build, const fs::path& scratch, const std::string& dir,
                            const std::vector<std::string>& env, const std::string& source, BuildRecord& record) {
  auto cold = RunCommand(build, scratch / dir, env);
  if (!cold.Ok()) return Fail(record, "cold " + dir + " build", cold);
  record.cold_build_runs_s.push_back(cold.wall_s);
  record.cold_build_s = stats::Median(record.cold_build_runs_s);
  if (source.empty()) return true;
  ChangeSource(scratch / source);
  auto inc = RunCommand(build, scratch / dir, env);
  if (!inc.Ok()) return Fail(record, "incremental " + dir + " build", inc);
  record.incremental_build_runs_s.push_back(inc.wall_s);
  record.incremental_build_s = stats::Median(record.incremental_build_runs_s);
  return true;
}

bool TimeBuilds(int runs, BuildRecord& record, const std::function<bool(BuildRecord&)>& time_once) {
  for (int i = 0; i < runs; ++i) {
    if (!time_once(record)) return false;
  }
  return true;
}

int64_t StrippedSize(const fs::path& binary) {
  ScratchDir tmp;
  fs::path copy = tmp.path() / binary.filename();
  fs::copy_file(binary, copy);
  auto r = RunCommand({"strip", "--strip-all", copy.string()});
  if (!r.Ok()) return 0;
  return static_cast<int64_t>(fs::file_size(copy));
}

bool Fail(BuildRecord& record, const std::string& what, const CommandResult& r) {
  record.ok = false;
  record.error = what + " failed (" + Status(r) + "):\n" + Tail(r.err.empty() ? r.out : r.err);
  return false;
}

std::string FailureSummary(const std::string& what, const CommandResult& r) {
  std::string summary = what + " failed (" + Status(r) + ")";
  std::string last = Tail(r.err.empty() ? r.out : r.err, 1);
  while (!last.empty() && (last.back() == '\n' || last.back() == '\r')) last.pop_back();
  if (!last.empty()) summary += ": " + last;
  return summary;
}

std::string JoinArgs(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) out += (out.empty() ? "" : " ") + a;
  return out;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string NotRead(const std::string& why) { return "not read: " + why; }

}  // namespace claimbench::build
