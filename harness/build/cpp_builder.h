// The C++ builder: the reference implementations are targets of the harness's own CMake
// configure, so they are built with the same compiler, build type and flags.
#pragma once

#include "build/builder.h"

namespace claimbench::build {

class CppBuilder final : public Builder {
 public:
  /// `cmake --build` of target impl.package in the harness's build directory; the
  /// settings are that directory's compiler, build type, C++ standard and flags.
  BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl,
                    const BuildOptions& options) const override;

  /// <the harness's CMake build directory>/cpp/<impl.binary>.
  std::filesystem::path BinaryPath(const std::filesystem::path& root, const spec::Implementation& impl) const override;
};

}  // namespace claimbench::build
