// Reading an ELF64 executable's program headers for a PT_INTERP.
#include "build/elf_linking.h"

#include <elf.h>

#include <cstring>
#include <fstream>

namespace claimbench::build {

std::optional<bool> IsStaticallyLinked(const std::filesystem::path& binary) {
  std::ifstream in(binary, std::ios::binary);
  Elf64_Ehdr header{};
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return std::nullopt;
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64) return std::nullopt;
  if (header.e_phentsize != sizeof(Elf64_Phdr)) return std::nullopt;
  for (int i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr program{};
    in.seekg(static_cast<std::streamoff>(header.e_phoff + static_cast<uint64_t>(i) * sizeof program));
    if (!in.read(reinterpret_cast<char*>(&program), sizeof program)) return std::nullopt;
    if (program.p_type == PT_INTERP) return false;
  }
  return true;
}

}  // namespace claimbench::build
