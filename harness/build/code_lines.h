// Lines of code of a handler source: the "how much code" figure recorded per build.
#pragma once

#include <filesystem>

namespace claimbench::build {

/// Lines of code of a source file: lines that are neither blank nor only a comment
/// (//, #, /* ... */ on their own lines). 0 when the file cannot be read.
int CountCodeLines(const std::filesystem::path& file);

/// Physical lines as a listing in an article shows them: code lines and blank lines, but
/// not comment-only lines (the articles' listings carry no comments; ours carry a header
/// saying what the program is for). 0 when the file cannot be read.
int CountListingLines(const std::filesystem::path& file);

}  // namespace claimbench::build
