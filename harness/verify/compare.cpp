// Response comparison.
#include "verify/compare.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

namespace claimbench::verify {

using nlohmann::json;

std::string Difference::Describe() const {
  return field + ": expected " + expected + ", got " + actual;
}

std::string MediaType(std::string_view content_type) {
  auto semi = content_type.find(';');
  std::string_view type = content_type.substr(0, semi);
  std::string out;
  for (char c : type) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

namespace {

std::string Abbreviate(std::string_view text, size_t max = 120) {
  std::string out;
  for (char c : text.substr(0, max)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out.push_back(c);
    } else {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  if (text.size() > max) out += "... (" + std::to_string(text.size()) + " bytes)";
  return "'" + out + "'";
}

// The JSON pointer of the first difference ("" is the root), or nullopt when equal.
std::optional<std::string> Diff(const json& e, const json& a, const std::string& pointer) {
  if (e.is_number() && a.is_number()) {
    if (e.get<double>() == a.get<double>()) return std::nullopt;
    return pointer;
  }
  if (e.type() != a.type()) return pointer;
  if (e.is_object()) {
    if (e.size() != a.size()) return pointer;
    for (auto it = e.begin(); it != e.end(); ++it) {
      auto found = a.find(it.key());
      if (found == a.end()) return pointer + "/" + it.key();
      if (auto d = Diff(it.value(), *found, pointer + "/" + it.key())) return d;
    }
    return std::nullopt;
  }
  if (e.is_array()) {
    if (e.size() != a.size()) return pointer;
    for (size_t i = 0; i < e.size(); ++i) {
      if (auto d = Diff(e[i], a[i], pointer + "/" + std::to_string(i))) return d;
    }
    return std::nullopt;
  }
  if (e == a) return std::nullopt;
  return pointer;
}

}  // namespace

std::optional<std::string> JsonDifference(const std::string& expected_json, const std::string& actual_json) {
  json e = json::parse(expected_json);
  json a = json::parse(actual_json, nullptr, /*allow_exceptions=*/false);
  if (a.is_discarded()) return std::string(kNotJson);
  return Diff(e, a, "");
}

std::vector<Difference> Compare(const spec::Expectation& expect, const HttpResponse& response) {
  std::vector<Difference> out;
  if (response.status != expect.status) {
    out.push_back({"status", std::to_string(expect.status), std::to_string(response.status)});
  }
  if (expect.content_type) {
    auto actual = response.Header("Content-Type");
    if (!actual) {
      out.push_back({"content-type", "'" + *expect.content_type + "'", "no Content-Type header"});
    } else if (MediaType(*actual) != MediaType(*expect.content_type)) {
      out.push_back({"content-type", "'" + *expect.content_type + "'", "'" + *actual + "'"});
    }
  }
  for (const auto& [name, value] : expect.headers) {
    auto actual = response.Header(name);
    if (!actual) {
      out.push_back({"header " + name, "'" + value + "'", "no such header"});
    } else if (*actual != value) {
      out.push_back({"header " + name, "'" + value + "'", "'" + *actual + "'"});
    }
  }
  for (const auto& name : expect.headers_present) {
    if (!response.Header(name)) out.push_back({"header " + name, "present", "no such header"});
  }
  if (expect.status / 100 == 2 && !response.delimited) {
    out.push_back({"framing", "Content-Length or chunked", "a body delimited by closing the connection"});
  }
  if (expect.body && response.body != *expect.body) {
    out.push_back({"body", Abbreviate(*expect.body), Abbreviate(response.body)});
  }
  if (expect.body_json) {
    if (auto where = JsonDifference(*expect.body_json, response.body)) {
      std::string field = *where == kNotJson ? "body (not JSON)" : "body at JSON pointer '" + *where + "'";
      out.push_back({field, Abbreviate(*expect.body_json), Abbreviate(response.body)});
    }
  }
  return out;
}

}  // namespace claimbench::verify
