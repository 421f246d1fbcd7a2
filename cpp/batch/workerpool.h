// worker-pool's pipeline task (workloads/worker-pool/README.md) with std::thread workers,
// a BoundedQueue and simdjson On-Demand: decoding and validating one event line, and
// running every line of the input through reader -> workers -> merged per-user totals.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimbench::batch {

/// The fields of a valid event that the aggregation reads.
struct Event {
  std::string_view user;  ///< valid until the decoder's next Decode
  std::int64_t value = 0;
};

/// One worker's decoder: a parser and a line buffer of its own, reused from line to line.
class EventDecoder {
 public:
  /// The event when `line` is a JSON object with a non-empty string `user`, a `kind` of
  /// view/click/cart/buy, an integer `value` in [0, 1e9] and an integer `ts` > 0 (other
  /// fields ignored, the last of duplicate keys wins); nullopt otherwise.
  std::optional<Event> Decode(std::string_view line);

 private:
  simdjson::ondemand::parser parser_;
  // On-Demand reads up to SIMDJSON_PADDING bytes past the end of its input, and a line in the
  // middle of the corpus has no such slack of its own, so each is copied here first.
  std::vector<char> buffer_;
};

/// FNV-1a, 64-bit, of `bytes`.
std::uint64_t Fnv1a64(std::string_view bytes);

/// One iteration of the pipeline over `input` (lines split at '\n'), with one worker thread
/// per decoder and queues bounded at `capacity`. Returns
/// `valid=V invalid=I users=U value_sum=S user_hash=H`.
std::string RunPipeline(std::string_view input, std::vector<EventDecoder>& decoders, std::size_t capacity);

}  // namespace claimbench::batch
