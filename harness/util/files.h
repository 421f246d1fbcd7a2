// Small file helpers: whole-file reads and atomic writes (temp file + rename), so that an
// interrupted run never leaves a half-written report behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace claimbench {

/// Reads a whole file; throws std::runtime_error naming the path when it cannot.
std::string ReadFile(const std::filesystem::path& path);

/// The last `max_bytes` of a file (prefixed "..." when cut), without trailing newlines; ""
/// when it cannot be read. For quoting a child's log in an error message.
std::string FileTail(const std::filesystem::path& path, size_t max_bytes = 2000);

/// Writes `contents` to `path` atomically: a temporary file in the same directory is
/// written, flushed with fsync and renamed over `path`. Creates parent directories.
void WriteFileAtomic(const std::filesystem::path& path, std::string_view contents);

/// Walks up from `start` to the first directory holding `workloads/` and `harness/`.
/// Returns an empty path when there is none.
std::filesystem::path FindRepoRoot(std::filesystem::path start);

}  // namespace claimbench
