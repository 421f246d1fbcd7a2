// CPU set discovery, parsing and the server/client split.
#include "process/cpu_set.h"

#include <sched.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace claimbench::process {

std::vector<int> AvailableCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> out;
  if (::sched_getaffinity(0, sizeof set, &set) == 0) {
    for (int i = 0; i < CPU_SETSIZE; ++i) {
      if (CPU_ISSET(i, &set)) out.push_back(i);
    }
  }
  if (out.empty()) out.push_back(0);
  return out;
}

CpuSplit DefaultSplit(const std::vector<int>& cpus) {
  CpuSplit split;
  if (cpus.size() <= 1) {
    split.server = cpus;
    split.client = cpus;
    split.shared = true;
    return split;
  }
  size_t half = cpus.size() / 2;
  split.server.assign(cpus.begin(), cpus.begin() + static_cast<long>(half));
  split.client.assign(cpus.begin() + static_cast<long>(half), cpus.end());
  return split;
}

std::vector<int> ParseCpuList(const std::string& text) {
  std::vector<int> out;
  std::istringstream in(text);
  std::string part;
  auto fail = [&] { throw std::invalid_argument("invalid CPU list '" + text + "' (e.g. 0, 0-3, 0,2,4-5)"); };
  if (text.empty() || text.back() == ',') fail();
  while (std::getline(in, part, ',')) {
    if (part.empty()) fail();
    auto dash = part.find('-');
    try {
      size_t used = 0;
      int lo = std::stoi(part.substr(0, dash), &used);
      if (used != (dash == std::string::npos ? part.size() : dash)) fail();
      int hi = lo;
      if (dash != std::string::npos) {
        std::string tail = part.substr(dash + 1);
        hi = std::stoi(tail, &used);
        if (used != tail.size()) fail();
      }
      if (lo < 0 || hi < lo || hi >= CPU_SETSIZE) fail();
      for (int c = lo; c <= hi; ++c) out.push_back(c);
    } catch (const std::logic_error&) {
      fail();
    }
  }
  if (out.empty()) fail();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string FormatCpuList(const std::vector<int>& cpus) {
  std::string out;
  for (size_t i = 0; i < cpus.size(); ++i) {
    size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(cpus[i]);
    if (j > i) out += "-" + std::to_string(cpus[j]);
    i = j;
  }
  return out;
}

}  // namespace claimbench::process
