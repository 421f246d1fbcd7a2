// Helpers for the checksum strings every workload prints: `name=value` fields in a fixed
// order, unsigned 64-bit wrapping sums (workloads/batch-protocol.md, "Numbers").
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimbench::batch {

/// A signed integer as the protocol sums it: its two's-complement bit pattern.
inline std::uint64_t Wrap(std::int64_t value) { return static_cast<std::uint64_t>(value); }

/// The IEEE-754 bit pattern of a double, summed instead of the value so checksums are exact.
inline std::uint64_t Bits(double value) { return std::bit_cast<std::uint64_t>(value); }

/// Builds `a=1 b=2 ...`.
class ChecksumBuilder {
 public:
  ChecksumBuilder& Add(std::string_view name, std::uint64_t value) {
    if (!text_.empty()) text_ += ' ';
    text_.append(name).append("=").append(std::to_string(value));
    return *this;
  }
  std::string str() const { return text_; }

 private:
  std::string text_;
};

}  // namespace claimbench::batch
