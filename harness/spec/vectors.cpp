// Parsing of vectors.toml.
#include "spec/vectors.h"

#include <set>

#include <nlohmann/json.hpp>

#include "spec/toml_reader.h"

namespace claimbench::spec {
namespace {

std::vector<std::pair<std::string, std::string>> Headers(const TomlReader& r, const toml::table* t) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!t) return out;
  for (const auto& [name, value] : *t) {
    if (!value.is_string()) r.Fail(&value, "header '" + std::string(name.str()) + "' must be a string");
    out.emplace_back(std::string(name.str()), std::string(*value.value<std::string_view>()));
  }
  return out;
}

std::string DecodeHex(const TomlReader& r, const toml::node* node, const std::string& hex) {
  auto nibble = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    r.Fail(node, std::string("'body_hex' has a non-hex character '") + c + "'");
  };
  if (hex.size() % 2 != 0) r.Fail(node, "'body_hex' must have an even number of hex digits");
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    out.push_back(static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  return out;
}

std::string Body(const TomlReader& r, const toml::table& v) {
  int forms = (v.contains("body") ? 1 : 0) + (v.contains("body_hex") ? 1 : 0) + (v.contains("body_repeat") ? 1 : 0);
  if (forms > 1) r.Fail(&v, "give at most one of 'body', 'body_hex', 'body_repeat'");
  if (auto b = r.OptString(v, "body")) return *b;
  if (auto h = r.OptString(v, "body_hex")) return DecodeHex(r, v.get("body_hex"), *h);
  if (const toml::table* rep = r.OptTable(v, "body_repeat")) {
    r.AllowOnly(*rep, {"prefix", "text", "count", "suffix"});
    std::string text = r.RequireString(*rep, "text");
    int64_t count = r.RequireInt(*rep, "count");
    if (count < 0 || count > (64 << 20)) r.Fail(rep->get("count"), "'count' must be between 0 and 67108864");
    std::string out = r.OptString(*rep, "prefix").value_or("");
    out.reserve(out.size() + text.size() * static_cast<size_t>(count) + 64);
    for (int64_t i = 0; i < count; ++i) out += text;
    out += r.OptString(*rep, "suffix").value_or("");
    return out;
  }
  return "";
}

}  // namespace

std::vector<Vector> LoadVectors(const std::filesystem::path& file) {
  TomlReader r(file);
  r.AllowOnly(r.root(), {"vector"});
  std::vector<Vector> out;
  std::set<std::string> names;
  for (const toml::table* t : r.TableArray(r.root(), "vector")) {
    r.AllowOnly(*t, {"name", "method", "path", "headers", "body", "body_hex", "body_repeat", "expect"});
    Vector v;
    v.line = static_cast<int>(t->source().begin.line);
    v.name = r.RequireString(*t, "name");
    if (!names.insert(v.name).second) r.Fail(t->get("name"), "duplicate vector name '" + v.name + "'");
    v.method = r.RequireString(*t, "method");
    v.path = r.RequireString(*t, "path");
    if (v.path.empty() || v.path[0] != '/') r.Fail(t->get("path"), "'path' must start with '/'");
    v.headers = Headers(r, r.OptTable(*t, "headers"));
    v.body = Body(r, *t);
    const toml::table* e = r.OptTable(*t, "expect");
    if (!e) r.Fail(t, "vector '" + v.name + "' has no [vector.expect] table");
    r.AllowOnly(*e, {"status", "content_type", "headers", "body_json", "body", "headers_present"});
    int64_t status = r.RequireInt(*e, "status");
    if (status < 100 || status > 599) r.Fail(e->get("status"), "'status' must be an HTTP status code (100-599)");
    v.expect.status = static_cast<int>(status);
    v.expect.content_type = r.OptString(*e, "content_type");
    v.expect.headers = Headers(r, r.OptTable(*e, "headers"));
    v.expect.body_json = r.OptString(*e, "body_json");
    v.expect.body = r.OptString(*e, "body");
    if (v.expect.body && v.expect.body_json) r.Fail(e, "give at most one of 'body' and 'body_json'");
    v.expect.headers_present = r.StringArray(*e, "headers_present");
    if (v.expect.body_json && !nlohmann::json::accept(*v.expect.body_json)) {
      r.Fail(e->get("body_json"), "'body_json' is not valid JSON");
    }
    out.push_back(std::move(v));
  }
  if (out.empty()) r.Fail(nullptr, "no [[vector]] entries");
  return out;
}

}  // namespace claimbench::spec
