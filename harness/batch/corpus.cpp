// The corpus registry, the on-disk cache and SHA-256.
#include "batch/corpus.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "batch/corpus_generators.h"
#include "util/files.h"

namespace claimbench::batch {
namespace {

constexpr std::array<CorpusInfo, 5> kCorpora = {{
    {"tweets", "tweets.json", "json-parse: Twitter-like statuses, mixed scripts and escapes, ids > 2^53 (~4 MiB)",
     &GenerateTweets},
    {"geo", "geo.json", "json-parse: GeoJSON polygons, doubles of up to 17 digits (~4 MiB)", &GenerateGeo},
    {"catalog", "catalog.json", "json-parse: a ticketing catalog, pretty-printed, many nulls (~4 MiB)",
     &GenerateCatalog},
    {"haystack", "haystack.txt", "regex: UTF-8 prose lines, 1 word in 8 non-ASCII (~12 MiB)", &GenerateHaystack},
    {"events", "events.jsonl", "worker-pool: 200,000 JSON event lines, ~2% invalid", &GenerateEvents},
}};

const CorpusInfo& GetCorpus(std::string_view name) {
  if (const auto* info = FindCorpus(name)) return *info;
  std::string known;
  for (const auto& c : kCorpora) known += (known.empty() ? "" : ", ") + std::string(c.name);
  throw std::invalid_argument("unknown corpus '" + std::string(name) + "' (known: " + known + ")");
}

}  // namespace

std::span<const CorpusInfo> Corpora() { return kCorpora; }

const CorpusInfo* FindCorpus(std::string_view name) {
  for (const auto& c : kCorpora) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string GenerateCorpus(std::string_view name, uint64_t seed) { return GetCorpus(name).generate(seed); }

std::string CorpusCacheName(std::string_view name, uint64_t seed) {
  std::string_view file = GetCorpus(name).file_name;
  auto dot = file.rfind('.');
  return std::string(file.substr(0, dot)) + "-v" + std::to_string(kCorpusGeneratorVersion) + "-seed" +
         std::to_string(seed) + std::string(file.substr(dot));
}

CorpusFile EnsureCorpus(std::string_view name, uint64_t seed, const std::filesystem::path& cache_dir) {
  CorpusFile file{cache_dir / CorpusCacheName(name, seed), 0, ""};
  std::string bytes;
  if (std::filesystem::is_regular_file(file.path)) {
    bytes = ReadFile(file.path);
  } else {
    bytes = GenerateCorpus(name, seed);
    WriteFileAtomic(file.path, bytes);
  }
  file.bytes = bytes.size();
  file.sha256 = Sha256Hex(bytes);
  return file;
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace claimbench::batch
