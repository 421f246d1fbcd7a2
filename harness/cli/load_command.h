// `claimbench load`: the load generator on its own, like wrk (closed loop) or wrk2 (open
// loop). It depends on load/ (and util/) only, nothing above it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/exit_codes.h"

namespace claimbench::cli {

struct LoadCommand {
  std::string url;
  int connections = 64;
  int threads = 1;
  std::string duration;         ///< empty: 10s, or with `requests` 1h as a cap
  uint64_t requests = 0;        ///< oha's -n: stop after this many requests in the window (0: by duration)
  std::string warmup = "1s";
  std::string timeout = "5s";
  std::string method = "GET";
  std::string body_file;
  std::vector<std::string> headers;  ///< "Name: value"
  std::string rate;            ///< empty: closed loop; else requests/s, e.g. 25k (open loop)
  std::string expected_body;   ///< when set, a 2xx with another body is a body_mismatch error
  bool has_expected_body = false;
  std::string cpus;
  bool json = false;
  bool series = false;         ///< print the per-second series
  bool latency = false;        ///< print the latency distribution (wrk's --latency) and its spectrum
  std::string json_out;        ///< also write the JSON result to this file (the human output stays)
  std::string hgrm_out;        ///< write the latency distribution in HdrHistogram's .hgrm text format
};

int Load(const LoadCommand& command);

}  // namespace claimbench::cli
