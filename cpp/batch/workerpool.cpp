// The worker-pool pipeline (see workerpool.h).
#include "workerpool.h"

#include <cstring>
#include <functional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "bounded_queue.h"
#include "checksum.h"

namespace claimbench::batch {
namespace {

struct UserTotals {
  std::uint64_t count = 0;
  std::uint64_t value_sum = 0;
};

// Transparent, so a worker looks its user up by the parser's string_view without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

using UserMap = std::unordered_map<std::string, UserTotals, StringHash, std::equal_to<>>;

struct WorkerResult {
  UserMap users;
  std::uint64_t valid = 0;
  std::uint64_t invalid = 0;
};

bool IsKnownKind(std::string_view kind) {
  return kind == "view" || kind == "click" || kind == "cart" || kind == "buy";
}

void Work(BoundedQueue<std::string_view>& queue, EventDecoder& decoder, WorkerResult& result) {
  while (std::optional<std::string_view> line = queue.Pop()) {
    std::optional<Event> event = decoder.Decode(*line);
    if (!event) {
      ++result.invalid;
      continue;
    }
    ++result.valid;
    auto it = result.users.find(event->user);
    if (it == result.users.end()) it = result.users.emplace(std::string(event->user), UserTotals{}).first;
    ++it->second.count;
    it->second.value_sum += static_cast<std::uint64_t>(event->value);
  }
}

}  // namespace

std::optional<Event> EventDecoder::Decode(std::string_view line) {
  const std::size_t padded_size = line.size() + simdjson::SIMDJSON_PADDING;
  if (buffer_.size() < padded_size) buffer_.resize(padded_size);
  std::memcpy(buffer_.data(), line.data(), line.size());
  // Zeroed like a padded_string's, so a truncated number never runs into a longer earlier line.
  std::memset(buffer_.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  if (parser_.iterate(buffer_.data(), line.size(), buffer_.size()).get(doc) || doc.get_object().get(object)) {
    return std::nullopt;
  }
  std::optional<std::string_view> user, kind;
  std::optional<std::int64_t> value, ts;
  for (auto member : object) {
    simdjson::ondemand::field field;
    std::string_view key;
    if (std::move(member).get(field) || field.unescaped_key().get(key)) return std::nullopt;
    simdjson::error_code error = simdjson::SUCCESS;
    if (key == "user") {
      error = field.value().get_string().get(user.emplace());
    } else if (key == "kind") {
      error = field.value().get_string().get(kind.emplace());
    } else if (key == "value") {
      error = field.value().get_int64().get(value.emplace());
    } else if (key == "ts") {
      error = field.value().get_int64().get(ts.emplace());
    }
    if (error) return std::nullopt;
  }
  // The object must be the whole line: anything after it (OUT_OF_BOUNDS means nothing) is invalid.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return std::nullopt;
  if (!user || user->empty() || !kind || !IsKnownKind(*kind) || !value || *value < 0 || *value > 1'000'000'000 ||
      !ts || *ts <= 0) {
    return std::nullopt;
  }
  return Event{.user = *user, .value = *value};
}

std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string RunPipeline(std::string_view input, std::vector<EventDecoder>& decoders, std::size_t capacity) {
  BoundedQueue<std::string_view> queue(capacity);
  std::vector<WorkerResult> results(decoders.size());
  std::vector<std::thread> workers;
  workers.reserve(decoders.size());
  try {
    for (std::size_t w = 0; w < decoders.size(); ++w) {
      workers.emplace_back(Work, std::ref(queue), std::ref(decoders[w]), std::ref(results[w]));
    }
    // The reader is this thread. A final '\n' ends the last line; it does not start an empty one.
    for (std::size_t start = 0; start < input.size();) {
      std::size_t end = input.find('\n', start);
      if (end == std::string_view::npos) end = input.size();
      queue.Push(input.substr(start, end - start));
      start = end + 1;
    }
  } catch (...) {
    queue.Close();
    for (std::thread& worker : workers) worker.join();
    throw;
  }
  queue.Close();
  for (std::thread& worker : workers) worker.join();

  UserMap merged;
  std::uint64_t valid = 0, invalid = 0;
  for (WorkerResult& result : results) {
    valid += result.valid;
    invalid += result.invalid;
    for (auto& [user, totals] : result.users) {
      UserTotals& total = merged[user];
      total.count += totals.count;
      total.value_sum += totals.value_sum;
    }
  }
  std::uint64_t value_sum = 0, user_hash = 0;
  for (const auto& [user, totals] : merged) {
    value_sum += totals.value_sum;
    user_hash += Fnv1a64(user) * totals.count;
  }
  return ChecksumBuilder()
      .Add("valid", valid)
      .Add("invalid", invalid)
      .Add("users", merged.size())
      .Add("value_sum", value_sum)
      .Add("user_hash", user_hash)
      .str();
}

}  // namespace claimbench::batch
