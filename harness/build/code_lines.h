// Lines of code of a handler source: the "how much code" figure recorded per build.
#pragma once

#include <filesystem>

namespace claimbench::build {

/// Lines of code of a source file: lines that are neither blank nor only a comment
/// (//, #, /* ... */ on their own lines). 0 when the file cannot be read.
int CountCodeLines(const std::filesystem::path& file);

}  // namespace claimbench::build
