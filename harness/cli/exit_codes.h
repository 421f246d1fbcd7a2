// The CLI's exit codes: 0 ok, 1 a run or check failed, 2 a usage error.
#pragma once

namespace claimbench::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

}  // namespace claimbench::cli
