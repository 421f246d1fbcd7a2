// Typed TOML access with file:line errors.
#include "spec/toml_reader.h"

#include <sstream>

#include "util/files.h"

namespace claimbench::spec {

TomlReader::TomlReader(std::filesystem::path path) : path_(std::move(path)) {
  std::string text;
  try {
    text = ReadFile(path_);
  } catch (const std::exception& e) {
    throw SpecError(path_, 0, e.what());
  }
  try {
    root_ = toml::parse(text, path_.string());
  } catch (const toml::parse_error& e) {
    throw SpecError(path_, static_cast<int>(e.source().begin.line), std::string(e.description()));
  }
}

void TomlReader::Fail(const toml::node* node, const std::string& message) const {
  int line = node ? static_cast<int>(node->source().begin.line) : 0;
  throw SpecError(path_, line, message);
}

namespace {
std::string Quote(std::string_view key) { return "'" + std::string(key) + "'"; }
}  // namespace

std::string TomlReader::RequireString(const toml::table& t, std::string_view key) const {
  auto v = OptString(t, key);
  if (!v) Fail(&t, "missing required string " + Quote(key));
  return *v;
}

std::optional<std::string> TomlReader::OptString(const toml::table& t, std::string_view key) const {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (!n->is_string()) Fail(n, Quote(key) + " must be a string");
  return std::string(*n->value<std::string_view>());
}

int64_t TomlReader::RequireInt(const toml::table& t, std::string_view key) const {
  auto v = OptInt(t, key);
  if (!v) Fail(&t, "missing required integer " + Quote(key));
  return *v;
}

std::optional<int64_t> TomlReader::OptInt(const toml::table& t, std::string_view key) const {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (!n->is_integer()) Fail(n, Quote(key) + " must be an integer");
  return *n->value<int64_t>();
}

const toml::table* TomlReader::OptTable(const toml::table& t, std::string_view key) const {
  const toml::node* n = t.get(key);
  if (!n) return nullptr;
  if (!n->is_table()) Fail(n, Quote(key) + " must be a table");
  return n->as_table();
}

std::vector<std::string> TomlReader::StringArray(const toml::table& t, std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) Fail(n, Quote(key) + " must be an array of strings");
  for (const toml::node& item : *arr) {
    if (!item.is_string()) Fail(&item, Quote(key) + " must hold only strings");
    out.emplace_back(*item.value<std::string_view>());
  }
  return out;
}

std::vector<const toml::table*> TomlReader::TableArray(const toml::table& t, std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) Fail(n, Quote(key) + " must be an array of tables ([[" + std::string(key) + "]])");
  for (const toml::node& item : *arr) {
    if (!item.is_table()) Fail(&item, Quote(key) + " must hold only tables");
    out.push_back(item.as_table());
  }
  return out;
}

void TomlReader::AllowOnly(const toml::table& t, std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, node] : t) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || key.str() == a;
    if (!ok) {
      std::ostringstream msg;
      msg << "unknown key '" << key.str() << "' (expected one of:";
      for (std::string_view a : allowed) msg << ' ' << a;
      msg << ')';
      Fail(&node, msg.str());
    }
  }
}

}  // namespace claimbench::spec
