// claimbench-beast: the C++ reference HTTP server. Parses --host/--port, then serves
// both HTTP workloads until SIGTERM or SIGINT. Exit codes: 0 stopped, 1 failure, 2 usage.
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "server.h"

namespace {

using claimbench::beast_server::ServerOptions;

constexpr std::string_view kUsage =
    "usage: claimbench-beast [--host ADDR] [--port N]\n"
    "  --host ADDR  address to bind (default 127.0.0.1)\n"
    "  --port N     port to bind (default $PORT, else 8080)\n";

std::optional<std::uint16_t> ParsePort(std::string_view text) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

// Returns the options, or the exit code when the process should end now (0 for --help).
// PORT is read only without --port, as the Go and Rust servers do.
std::variant<ServerOptions, int> ParseOptions(int argc, char** argv) {
  ServerOptions options;
  std::optional<std::string> port_text;
  if (const char* env = std::getenv("PORT"); env != nullptr && *env != '\0') port_text = env;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cerr << kUsage;
      return 0;
    }
    std::string_view name = arg.substr(0, arg.find('='));
    if (name != "--host" && name != "--port") {
      std::cerr << "error: " << (arg.starts_with("-") ? "unknown flag " : "unexpected argument ") << name << "\n"
                << kUsage;
      return 2;
    }
    std::string value;
    if (name.size() < arg.size()) {
      value = arg.substr(name.size() + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      std::cerr << "error: " << name << " needs a value\n";
      return 2;
    }
    (name == "--host" ? options.host : port_text.emplace()) = value;
  }
  if (port_text) {
    std::optional<std::uint16_t> port = ParsePort(*port_text);
    if (!port) {
      std::cerr << "error: invalid port '" << *port_text << "': expected an integer from 0 to 65535\n";
      return 2;
    }
    options.port = *port;
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = ParseOptions(argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  return claimbench::beast_server::Run(std::get<ServerOptions>(parsed));
}
