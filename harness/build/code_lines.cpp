// Counting lines of code without blanks and comment-only lines.
#include "build/code_lines.h"

#include <fstream>
#include <string>
#include <string_view>

namespace claimbench::build {

namespace {

int CountLines(const std::filesystem::path& file, bool blank_lines_count) {
  std::ifstream in(file);
  if (!in) return 0;
  int lines = 0;
  bool in_block = false;
  std::string line;
  while (std::getline(in, line)) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
      lines += blank_lines_count && !in_block;
      continue;
    }
    std::string_view text = std::string_view(line).substr(first);
    if (in_block) {
      if (text.find("*/") != std::string_view::npos) in_block = false;
      continue;
    }
    if (text.rfind("//", 0) == 0 || text.rfind("#!", 0) == 0) continue;
    if (text.rfind("/*", 0) == 0) {
      in_block = text.find("*/") == std::string_view::npos;
      continue;
    }
    ++lines;
  }
  return lines;
}

}  // namespace

int CountCodeLines(const std::filesystem::path& file) { return CountLines(file, false); }

int CountListingLines(const std::filesystem::path& file) { return CountLines(file, true); }

}  // namespace claimbench::build
