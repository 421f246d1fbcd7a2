// Typed, path-aware JSON reading.
#include "util/json_in.h"

namespace claimbench {
namespace {

// A JSON pointer token escapes '~' and '/' (RFC 6901).
std::string Escaped(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Describe(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  std::string text = value.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return std::string(value.type_name()) + " " + text;
}

}  // namespace

void JsonIn::Fail(const std::string& expected) const {
  throw JsonFormatError(path_, "expected " + expected + "; got " + Describe(*value_));
}

JsonIn JsonIn::At(std::string_view key) const {
  if (!value_->is_object()) Fail("an object with '" + std::string(key) + "'");
  auto it = value_->find(key);
  if (it == value_->end()) throw JsonFormatError(path_ + "/" + Escaped(key), "missing");
  return JsonIn(*it, path_ + "/" + Escaped(key));
}

std::optional<JsonIn> JsonIn::Find(std::string_view key) const {
  if (!value_->is_object()) Fail("an object");
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return JsonIn(*it, path_ + "/" + Escaped(key));
}

std::vector<JsonIn> JsonIn::Elements() const {
  if (!value_->is_array()) Fail("an array");
  std::vector<JsonIn> out;
  out.reserve(value_->size());
  for (size_t i = 0; i < value_->size(); ++i) out.emplace_back((*value_)[i], path_ + "/" + std::to_string(i));
  return out;
}

std::vector<std::pair<std::string, JsonIn>> JsonIn::Members() const {
  if (!value_->is_object()) Fail("an object");
  std::vector<std::pair<std::string, JsonIn>> out;
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    out.emplace_back(it.key(), JsonIn(it.value(), path_ + "/" + Escaped(it.key())));
  }
  return out;
}

double JsonIn::Number() const {
  if (!value_->is_number()) Fail("a number");
  return value_->get<double>();
}

int64_t JsonIn::Integer() const {
  if (value_->is_number_integer()) return value_->get<int64_t>();
  // A whole number written as a float (1.0) is an integer too.
  if (value_->is_number_float()) {
    double v = value_->get<double>();
    if (v == static_cast<double>(static_cast<int64_t>(v))) return static_cast<int64_t>(v);
  }
  Fail("an integer");
}

bool JsonIn::Bool() const {
  if (!value_->is_boolean()) Fail("true or false");
  return value_->get<bool>();
}

std::string JsonIn::String() const {
  if (!value_->is_string()) Fail("a string");
  return value_->get<std::string>();
}

std::vector<double> JsonIn::Numbers() const {
  std::vector<double> out;
  for (const auto& e : Elements()) out.push_back(e.Number());
  return out;
}

std::vector<std::string> JsonIn::Strings() const {
  std::vector<std::string> out;
  for (const auto& e : Elements()) out.push_back(e.String());
  return out;
}

std::optional<double> JsonIn::OptNumber(std::string_view key) const {
  auto v = Find(key);
  return v ? std::optional<double>(v->Number()) : std::nullopt;
}

std::optional<int64_t> JsonIn::OptInteger(std::string_view key) const {
  auto v = Find(key);
  return v ? std::optional<int64_t>(v->Integer()) : std::nullopt;
}

std::optional<bool> JsonIn::OptBool(std::string_view key) const {
  auto v = Find(key);
  return v ? std::optional<bool>(v->Bool()) : std::nullopt;
}

std::optional<std::string> JsonIn::OptString(std::string_view key) const {
  auto v = Find(key);
  return v ? std::optional<std::string>(v->String()) : std::nullopt;
}

}  // namespace claimbench
