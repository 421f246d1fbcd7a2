// Named baselines.
#include "compare/baselines.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "util/files.h"

namespace claimbench::compare {

std::filesystem::path BaselineDir(const std::filesystem::path& root) { return root / "results" / "baselines"; }

std::filesystem::path BaselineFile(const std::filesystem::path& root, const std::string& name) {
  const bool valid = !name.empty() && name.size() <= 100 && name.front() != '.' &&
                     std::all_of(name.begin(), name.end(), [](unsigned char c) {
                       return std::isalnum(c) || c == '.' || c == '_' || c == '-';
                     });
  if (!valid) {
    throw std::invalid_argument("baseline name '" + name +
                                "' must be letters, digits, '.', '_' or '-' (not starting with '.'), e.g. main");
  }
  return BaselineDir(root) / (name + ".json");
}

std::filesystem::path SaveBaseline(const std::filesystem::path& root, const std::string& name,
                                   const std::filesystem::path& results_file) {
  const std::filesystem::path file = BaselineFile(root, name);
  std::filesystem::create_directories(file.parent_path());
  WriteFileAtomic(file, ReadFile(results_file));
  return file;
}

}  // namespace claimbench::compare
