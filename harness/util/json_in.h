// Typed reading of a JSON document with the path of every value, so a malformed results
// or load file is refused with a message that names where and what was expected:
// "/workloads/0/implementations/1/status: expected one of ok, build_failed, ...; got 7".
// nlohmann_json checks types, but its errors do not say where in the document they are.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace claimbench {

/// A value that is missing or not of the expected type, at `path` (a JSON pointer).
class JsonFormatError : public std::runtime_error {
 public:
  JsonFormatError(std::string path, const std::string& what)
      : std::runtime_error((path.empty() ? "/" : path) + ": " + what), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// A read-only view of one value of a document and its path. Every accessor checks the
/// type and throws JsonFormatError naming the path.
class JsonIn {
 public:
  explicit JsonIn(const nlohmann::json& value, std::string path = "") : value_(&value), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  const nlohmann::json& raw() const { return *value_; }
  bool IsNull() const { return value_->is_null(); }

  /// The member `key` of this object; throws when this is no object or `key` is missing.
  JsonIn At(std::string_view key) const;
  /// The member `key` when present and not null.
  std::optional<JsonIn> Find(std::string_view key) const;
  bool Has(std::string_view key) const { return Find(key).has_value(); }

  /// The elements of this array.
  std::vector<JsonIn> Elements() const;
  /// The members of this object, in document order.
  std::vector<std::pair<std::string, JsonIn>> Members() const;

  double Number() const;
  int64_t Integer() const;
  bool Bool() const;
  std::string String() const;
  std::vector<double> Numbers() const;
  std::vector<std::string> Strings() const;

  /// Required members, by type.
  double Number(std::string_view key) const { return At(key).Number(); }
  int64_t Integer(std::string_view key) const { return At(key).Integer(); }
  bool Bool(std::string_view key) const { return At(key).Bool(); }
  std::string String(std::string_view key) const { return At(key).String(); }

  /// Optional members: nullopt when missing or null, an error when of another type.
  std::optional<double> OptNumber(std::string_view key) const;
  std::optional<int64_t> OptInteger(std::string_view key) const;
  std::optional<bool> OptBool(std::string_view key) const;
  std::optional<std::string> OptString(std::string_view key) const;

  /// Throws JsonFormatError at this path: "expected <what>; got <the value, cut short>".
  [[noreturn]] void Fail(const std::string& expected) const;

 private:
  const nlohmann::json* value_;
  std::string path_;
};

}  // namespace claimbench
