// Typed access to parsed TOML with errors that carry file and line (toml++ keeps the
// source position of every node). Shared by every spec parser.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "spec/spec_error.h"

namespace claimbench::spec {

class TomlReader {
 public:
  /// Parses `path`; a syntax error becomes a SpecError with toml++'s line.
  explicit TomlReader(std::filesystem::path path);

  const toml::table& root() const { return root_; }
  const std::filesystem::path& path() const { return path_; }

  /// A SpecError at the line of `node` (or of `parent` when node is null).
  [[noreturn]] void Fail(const toml::node* node, const std::string& message) const;

  std::string RequireString(const toml::table& t, std::string_view key) const;
  std::optional<std::string> OptString(const toml::table& t, std::string_view key) const;
  int64_t RequireInt(const toml::table& t, std::string_view key) const;
  std::optional<int64_t> OptInt(const toml::table& t, std::string_view key) const;
  const toml::table* OptTable(const toml::table& t, std::string_view key) const;
  std::vector<std::string> StringArray(const toml::table& t, std::string_view key) const;
  /// Every [[key]] entry as a table (empty when absent).
  std::vector<const toml::table*> TableArray(const toml::table& t, std::string_view key) const;
  /// Fails on any key of `t` not in `allowed` (catches typos such as "stauts").
  void AllowOnly(const toml::table& t, std::initializer_list<std::string_view> allowed) const;

 private:
  std::filesystem::path path_;
  toml::table root_;
};

}  // namespace claimbench::spec
