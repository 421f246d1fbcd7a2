// The toolchains on this machine, by their own version output, for the results' context.
#pragma once

#include <map>
#include <string>

namespace claimbench::build {

/// name -> first line of its version output ("go version go1.26.8 linux/amd64"), or
/// "not found". Names: go, rustc, cargo, cxx, cmake.
std::map<std::string, std::string> DetectToolchains();

}  // namespace claimbench::build
