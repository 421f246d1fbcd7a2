// Whether an ELF executable is statically linked: it names no program interpreter
// (PT_INTERP), so the kernel runs it without ld.so. A static-pie (Rust's crt-static on
// glibc) still has a PT_DYNAMIC for self-relocation but no interpreter, and counts as static.
// Hand-written: reading one ELF header needs only <elf.h>; no packaged library is worth it.
#pragma once

#include <filesystem>
#include <optional>

namespace claimbench::build {

/// true: no PT_INTERP; false: dynamically linked; nullopt: not a 64-bit ELF file we could read.
std::optional<bool> IsStaticallyLinked(const std::filesystem::path& binary);

}  // namespace claimbench::build
