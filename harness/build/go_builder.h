// The Go builder: `go build -trimpath` with CGO off, in the repository's one Go module.
#pragma once

#include "build/builder.h"

namespace claimbench::build {

class GoBuilder final : public Builder {
 public:
  /// Builds impl.package into build/bin/; the settings are the `build` lines of
  /// `go version -m` on the binary just built.
  BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl,
                    const BuildOptions& options) const override;

  /// root/build/bin/<impl.binary>.
  std::filesystem::path BinaryPath(const std::filesystem::path& root, const spec::Implementation& impl) const override;
};

}  // namespace claimbench::build
