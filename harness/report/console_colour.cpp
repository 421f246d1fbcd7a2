// Verdict and warning colours on the console.
#include "report/console_colour.h"

#include <array>
#include <cctype>
#include <string_view>
#include <utility>

#include "results/enums.h"
#include "util/terminal.h"

namespace claimbench::report {
namespace {

Style StyleOf(results::Verdict v) {
  switch (v) {
    case results::Verdict::kConsistent: return Style::kGreen;
    case results::Verdict::kContradicted: return Style::kRed;
    case results::Verdict::kMixed:
    case results::Verdict::kInconclusive: return Style::kYellow;
    case results::Verdict::kNotMeasured: return Style::kDim;
  }
  return Style::kDim;
}

bool WordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

// The line with each whole-word verdict name painted.
std::string ColourVerdicts(std::string_view line) {
  constexpr std::array kVerdicts = {results::Verdict::kNotMeasured, results::Verdict::kConsistent,
                                    results::Verdict::kContradicted, results::Verdict::kMixed,
                                    results::Verdict::kInconclusive};
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    bool painted = false;
    if (i == 0 || !WordChar(line[i - 1])) {
      for (const results::Verdict v : kVerdicts) {
        const std::string_view name = results::Name(v);
        if (line.substr(i, name.size()) == name && (i + name.size() == line.size() || !WordChar(line[i + name.size()]))) {
          out += Paint(name, StyleOf(v));
          i += name.size();
          painted = true;
          break;
        }
      }
    }
    if (!painted) out += line[i++];
  }
  return out;
}

}  // namespace

std::string ColourForTerminal(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const bool has_newline = end != std::string::npos;
    if (!has_newline) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    const size_t first = line.find_first_not_of(' ');
    out += first != std::string_view::npos && line[first] == '!' ? Paint(line, Style::kYellow) : ColourVerdicts(line);
    if (has_newline) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace claimbench::report
