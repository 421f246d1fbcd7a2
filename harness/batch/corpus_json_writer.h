// A minimal streaming JSON writer for the corpus generators: members come out in the
// order they are written (nlohmann::json would sort them) and every byte is under the
// generator's control. Compact, or pretty-printed with N-space indents in the layout of
// JSON.stringify(value, null, N) and nlohmann's dump(N).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimbench::batch {

/// Appends `value` in std::to_chars' shortest round-trip form, always with a '.' or an
/// exponent so that every reader classifies it as a float (".0" is appended to integral
/// forms such as "12").
void AppendDouble(std::string& out, double value);

/// Appends `utf8` as a JSON string: '"', '\\' and control characters escaped (\n, \t, \r,
/// \b, \f or \u00xx), everything else, '/' and non-ASCII included, written raw.
void AppendJsonString(std::string& out, std::string_view utf8);

class JsonWriter {
 public:
  /// indent 0: compact.
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// Keys are written with AppendJsonString.
  void Key(std::string_view key);

  void String(std::string_view utf8);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();
  /// A value already encoded as JSON text, written verbatim (the tweets' hand-escaped
  /// strings).
  void Raw(std::string_view json_text);

 private:
  void BeforeValue();
  void NewLine(size_t depth);
  void Open(char bracket);
  void Close(char bracket);

  std::string& out_;
  int indent_;
  std::vector<bool> empty_;  ///< per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace claimbench::batch
