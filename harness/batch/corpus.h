// The inputs of the batch workloads: generated deterministically from a seed (SplitMix64,
// see util/splitmix64.h), cached on disk by name and seed, and identified by SHA-256 so
// that the caller can check them against the pin in workload.toml before any timing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace claimbench::batch {

/// The seed of the pinned corpora, and of `claimbench corpus` without --seed (the same
/// default as `claimbench run --seed`).
constexpr uint64_t kDefaultCorpusSeed = 42;

/// Bumped whenever a generator's output changes for a given seed, so that a cached file
/// from an older generator is never taken for a new one (it is part of the file name).
constexpr int kCorpusGeneratorVersion = 1;

struct CorpusInfo {
  std::string_view name;         ///< "tweets", "geo", "catalog", "haystack", "events"
  std::string_view file_name;    ///< the name the workload READMEs use, e.g. "tweets.json"
  std::string_view description;  ///< one line, for `claimbench corpus --list`
  std::string (*generate)(uint64_t seed);
};

/// Every corpus, in a fixed order.
std::span<const CorpusInfo> Corpora();

/// The corpus called `name`, or nullptr.
const CorpusInfo* FindCorpus(std::string_view name);

/// The bytes of corpus `name` for `seed`. Throws std::invalid_argument on an unknown name
/// (the message lists the known ones).
std::string GenerateCorpus(std::string_view name, uint64_t seed);

struct CorpusFile {
  std::filesystem::path path;
  uint64_t bytes = 0;  ///< size of the file
  std::string sha256;  ///< lowercase hex
};

/// The file name under which EnsureCorpus caches a corpus, e.g. "tweets-v1-seed42.json".
std::string CorpusCacheName(std::string_view name, uint64_t seed);

/// Generates corpus `name` for `seed` into `cache_dir` (atomically; the directory is
/// created) unless the file is there already, and returns its path, size and SHA-256.
/// An existing file is hashed as it is, never regenerated: comparing the hash with the
/// pin is the caller's check. Throws std::invalid_argument on an unknown name.
CorpusFile EnsureCorpus(std::string_view name, uint64_t seed, const std::filesystem::path& cache_dir);

/// SHA-256 of `bytes` as 64 lowercase hex digits (OpenSSL libcrypto).
std::string Sha256Hex(std::string_view bytes);

}  // namespace claimbench::batch
