// Colour on the console: when, and how.
#include "util/terminal.h"

#include <unistd.h>

#include <cstdlib>

namespace claimbench {

bool ColourWanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fd) == 1;
}

std::string Paint(std::string_view text, Style style) {
  std::string_view code;
  switch (style) {
    case Style::kGreen: code = "32"; break;
    case Style::kRed: code = "31"; break;
    case Style::kYellow: code = "33"; break;
    case Style::kDim: code = "2"; break;
    case Style::kBold: code = "1"; break;
  }
  std::string out = "\033[";
  out += code;
  out += 'm';
  out += text;
  out += "\033[0m";
  return out;
}

}  // namespace claimbench
