// Whether the console may use colour, and the few ANSI styles it uses. Colour only on a
// terminal, never when NO_COLOR is set to anything non-empty (no-color.org) or TERM is "dumb".
// Hand-written: a handful of SGR codes need no library.
#pragma once

#include <string>
#include <string_view>

namespace claimbench {

enum class Style { kGreen, kRed, kYellow, kDim, kBold };

/// True when file descriptor `fd` is a terminal and neither NO_COLOR nor TERM=dumb forbids colour.
bool ColourWanted(int fd);

/// `text` wrapped in the SGR codes of `style` and a reset.
std::string Paint(std::string_view text, Style style);

}  // namespace claimbench
