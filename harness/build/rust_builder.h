// The Rust builder: `cargo build --release --locked` of one crate of the repository's
// Cargo workspace.
#pragma once

#include "build/builder.h"

namespace claimbench::build {

class RustBuilder final : public Builder {
 public:
  /// Builds crate impl.package; the settings are the merged release profile (see
  /// cargo_settings.h), the rustflags and the target triple.
  BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl,
                    const BuildOptions& options) const override;

  /// root/rust/target/release/<impl.binary>.
  std::filesystem::path BinaryPath(const std::filesystem::path& root, const spec::Implementation& impl) const override;
};

}  // namespace claimbench::build
