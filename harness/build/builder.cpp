// Choosing the builder for an implementation, and the free functions that go through it.
#include "build/builder.h"

#include <stdexcept>

#include "build/cpp_builder.h"
#include "build/go_builder.h"
#include "build/rust_builder.h"

namespace claimbench::build {

const Builder& BuilderFor(const spec::Implementation& impl) {
  static const GoBuilder go;
  static const RustBuilder rust;
  static const CppBuilder cpp;
  switch (impl.language) {
    case spec::Language::kGo: return go;
    case spec::Language::kRust: return rust;
    case spec::Language::kCpp: return cpp;
  }
  throw std::logic_error("no builder for the language of implementation " + impl.id);
}

BuildRecord Build(const std::filesystem::path& root, const spec::Implementation& impl, const BuildOptions& options) {
  return BuilderFor(impl).Build(root, impl, options);
}

std::filesystem::path BinaryPath(const std::filesystem::path& root, const spec::Implementation& impl) {
  return BuilderFor(impl).BinaryPath(root, impl);
}

}  // namespace claimbench::build
