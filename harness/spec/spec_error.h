// The error raised for a malformed spec file: it always names the file and the line,
// so a user can go straight to the fix.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace claimbench::spec {

class SpecError : public std::runtime_error {
 public:
  /// `line` is 1-based; 0 means the file as a whole (e.g. it cannot be read).
  SpecError(const std::filesystem::path& file, int line, const std::string& message)
      : std::runtime_error(Format(file, line, message)), file_(file), line_(line) {}

  const std::filesystem::path& file() const { return file_; }
  int line() const { return line_; }

 private:
  static std::string Format(const std::filesystem::path& file, int line, const std::string& message) {
    // Appended piece by piece: GCC 12's -Wrestrict misfires on chained operator+ at -O3.
    std::string out = file.string();
    if (line > 0) {
      out += ':';
      out += std::to_string(line);
    }
    out += ": ";
    out += message;
    return out;
  }
  std::filesystem::path file_;
  int line_;
};

}  // namespace claimbench::spec
