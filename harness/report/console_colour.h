// Colour for the console's rendering of a report: verdicts by what they say (consistent green,
// contradicted red, mixed and inconclusive yellow, not measured dim) and warning lines yellow.
// Applied after the text is laid out, so column widths never count escape codes.
#pragma once

#include <string>

namespace claimbench::report {

/// `text` with every verdict name that stands as a whole word coloured, and every line whose
/// first non-blank is "!" in yellow.
std::string ColourForTerminal(const std::string& text);

}  // namespace claimbench::report
