// Verification vectors (workloads/<id>/vectors.toml): a request and the response every
// implementation must give. The same file drives `claimbench verify`, go test and cargo test.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace claimbench::spec {

struct Expectation {
  int status = 0;
  std::optional<std::string> content_type;  ///< media type; parameters are ignored
  std::vector<std::pair<std::string, std::string>> headers;  ///< must match exactly
  std::optional<std::string> body_json;     ///< JSON-equal (keys unordered, numbers as doubles)
  std::optional<std::string> body;          ///< the exact bytes of the body
  std::vector<std::string> headers_present; ///< must be present, any value ("Date" is also
                                            ///< checked to change over time)
};

struct Vector {
  std::string name;
  int line = 0;  ///< where the vector starts in its file, for messages
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  ///< raw bytes, after body_hex / body_repeat expansion
  Expectation expect;
};

/// Parses a vectors file; throws SpecError naming file and line.
std::vector<Vector> LoadVectors(const std::filesystem::path& file);

}  // namespace claimbench::spec
