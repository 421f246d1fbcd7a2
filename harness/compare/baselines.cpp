// Named baselines.
#include "compare/baselines.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "util/files.h"

namespace claimbench::compare {
namespace fs = std::filesystem;

fs::path BaselineDir(const fs::path& root) { return root / "results" / "baselines"; }

void CheckBaselineName(const std::string& name) {
  const bool valid = !name.empty() && name.size() <= 100 && name.front() != '.' &&
                     std::all_of(name.begin(), name.end(), [](unsigned char c) {
                       return std::isalnum(c) || c == '.' || c == '_' || c == '-';
                     });
  if (!valid) {
    throw std::invalid_argument("baseline name '" + name +
                                "' must be letters, digits, '.', '_' or '-' (not starting with '.'), e.g. main");
  }
}

std::vector<fs::path> BaselineRuns(const fs::path& root, const std::string& name) {
  CheckBaselineName(name);
  std::vector<fs::path> runs;
  const fs::path single = BaselineDir(root) / (name + ".json");
  if (fs::is_regular_file(single)) runs.push_back(single);
  const fs::path dir = BaselineDir(root) / name;
  std::vector<fs::path> saved;
  if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") saved.push_back(entry.path());
    }
  }
  // Run ids are UTC start times (20261204T163119Z): their order is the runs' order.
  std::sort(saved.begin(), saved.end());
  runs.insert(runs.end(), saved.begin(), saved.end());
  return runs;
}

fs::path SaveBaseline(const fs::path& root, const std::string& name, const std::string& run_id,
                      const fs::path& results_file, int keep) {
  CheckBaselineName(name);
  CheckBaselineName(run_id);
  if (keep < 1) throw std::invalid_argument("a baseline keeps at least one run");
  const fs::path dir = BaselineDir(root) / name;
  fs::create_directories(dir);
  const fs::path file = dir / (run_id + ".json");
  WriteFileAtomic(file, ReadFile(results_file));
  std::vector<fs::path> runs = BaselineRuns(root, name);
  // The oldest go first; an earlier release's single file counts as the oldest.
  for (size_t i = 0; i + keep < runs.size(); ++i) fs::remove(runs[i]);
  return file;
}

}  // namespace claimbench::compare
