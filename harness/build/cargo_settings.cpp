// Merging cargo's release profile and rustflags from the manifest, config files and the
// environment (https://doc.rust-lang.org/cargo/reference/profiles.html and
// https://doc.rust-lang.org/cargo/reference/config.html, "Hierarchical structure").
#include "build/cargo_settings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

#include <toml++/toml.h>

#include "build/build_common.h"
#include "spec/toml_reader.h"

extern char** environ;

namespace claimbench::build {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kProfileEnvPrefix = "CARGO_PROFILE_RELEASE_";

// Cargo's defaults for the release profile, in the order of cargo's reference ("Default
// profiles"). split-debuginfo is left out: its default is platform-specific and cargo only
// passes it to rustc when it is set, so it appears only when set.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kReleaseDefaults = {{
    {"opt-level", "3"},
    {"debug", "false"},
    {"strip", "\"none\""},
    {"debug-assertions", "false"},
    {"overflow-checks", "false"},
    {"lto", "false"},
    {"panic", "\"unwind\""},
    {"incremental", "false"},
    {"codegen-units", "16"},
    {"rpath", "false"},
}};

// A value as TOML text, strings in double quotes as cargo's documentation writes them
// (toml++ would print 'fat' by default).
std::string TomlText(const toml::node& node) {
  std::ostringstream out;
  out << toml::toml_formatter{node, toml::toml_formatter::default_flags & ~toml::format_flags::allow_literal_strings};
  return out.str();
}

// Leaves of `table` as dotted keys -> TOML text, so nested tables such as build-override
// are listed key by key.
void Flatten(const toml::table& table, const std::string& prefix, BuildSettings& out) {
  for (const auto& [key, node] : table) {
    std::string name = prefix + std::string(key.str());
    if (const toml::table* nested = node.as_table()) {
      Flatten(*nested, name + ".", out);
    } else {
      out.emplace_back(name, TomlText(node));
    }
  }
}

// The variable cargo reads for a profile key: opt-level -> CARGO_PROFILE_RELEASE_OPT_LEVEL.
std::string ProfileEnvName(std::string_view key) {
  std::string name(kProfileEnvPrefix);
  for (char c : key) {
    name += (c == '-' || c == '.') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

// Reads one TOML file; nullopt and `error` set when it cannot be read or parsed.
std::optional<toml::table> ReadToml(const fs::path& file, std::string& error) {
  try {
    return spec::TomlReader(file).root();
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

const toml::table* ReleaseTable(const toml::table& root) { return root["profile"]["release"].as_table(); }

// Settings in precedence order: a later Set of the same key replaces the value and its
// origin but keeps the key's place.
class MergedSettings {
 public:
  void Set(const std::string& key, std::string value, std::string origin) {
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
    if (it == entries_.end()) {
      entries_.push_back({key, std::move(value), std::move(origin)});
    } else {
      it->value = std::move(value);
      it->origin = std::move(origin);
    }
  }
  struct Entry {
    std::string key, value, origin;
  };
  std::vector<Entry>& entries() { return entries_; }

 private:
  std::vector<Entry> entries_;
};

constexpr std::string_view kDefaultOrigin = "cargo default";

}  // namespace

CargoSettingSources FindCargoSettingSources(const fs::path& workspace_dir) {
  CargoSettingSources sources;
  sources.manifest = workspace_dir / "Cargo.toml";

  // Cargo prefers the legacy extension-less name when both exist.
  auto config_in = [](const fs::path& dir) -> std::optional<fs::path> {
    for (const char* name : {"config", "config.toml"}) {
      std::error_code ec;
      if (fs::is_regular_file(dir / name, ec)) return dir / name;
    }
    return std::nullopt;
  };
  std::vector<fs::path> walk;  // highest precedence (the workspace) first
  fs::path dir = fs::absolute(workspace_dir).lexically_normal();
  while (true) {
    if (auto file = config_in(dir / ".cargo")) walk.push_back(*file);
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  fs::path cargo_home;
  if (const char* home = std::getenv("CARGO_HOME")) {
    cargo_home = home;
  } else if (const char* user_home = std::getenv("HOME")) {
    cargo_home = fs::path(user_home) / ".cargo";
  }
  if (!cargo_home.empty()) {
    auto file = config_in(fs::absolute(cargo_home).lexically_normal());
    if (file && std::find(walk.begin(), walk.end(), *file) == walk.end()) sources.config_files.push_back(*file);
  }
  sources.config_files.insert(sources.config_files.end(), walk.rbegin(), walk.rend());

  for (char** var = environ; var && *var; ++var) {
    std::string_view entry(*var);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = entry.substr(0, eq);
    if (name.starts_with(kProfileEnvPrefix) || name == "RUSTFLAGS" || name == "CARGO_ENCODED_RUSTFLAGS" ||
        name == "CARGO_BUILD_RUSTFLAGS") {
      sources.env[std::string(name)] = std::string(entry.substr(eq + 1));
    }
  }
  return sources;
}

BuildSettings ReleaseProfileSettings(const CargoSettingSources& sources) {
  MergedSettings merged;
  for (const auto& [key, value] : kReleaseDefaults) {
    merged.Set(std::string(key), std::string(value), std::string(kDefaultOrigin));
  }

  std::string manifest_error;
  if (auto manifest = ReadToml(sources.manifest, manifest_error)) {
    BuildSettings set;
    if (const toml::table* release = ReleaseTable(*manifest)) Flatten(*release, "", set);
    for (auto& [key, value] : set) merged.Set(key, value, "set");
  }

  BuildSettings unreadable;
  for (const fs::path& config : sources.config_files) {
    std::string error;
    auto table = ReadToml(config, error);
    if (!table) {
      unreadable.emplace_back("cargo config " + config.string(), NotRead(error));
      continue;
    }
    BuildSettings set;
    if (const toml::table* release = ReleaseTable(*table)) Flatten(*release, "", set);
    for (auto& [key, value] : set) merged.Set(key, value, "set in " + config.string());
  }

  // The environment overrides every file. Variables that match no key so far (a key cargo
  // knows but nobody wrote down) are listed under their own name.
  std::vector<std::string> used;
  for (auto& entry : merged.entries()) {
    auto var = sources.env.find(ProfileEnvName(entry.key));
    if (var == sources.env.end()) continue;
    entry.value = var->second;
    entry.origin = "set by " + var->first;
    used.push_back(var->first);
  }

  BuildSettings out;
  for (const auto& entry : merged.entries()) {
    std::string key = "profile.release." + entry.key;
    if (!manifest_error.empty() && entry.origin == kDefaultOrigin) {
      // The unreadable manifest may set this key; cargo's default is only a guess.
      out.emplace_back(key, NotRead(manifest_error + " (cargo default: " + entry.value + ")"));
    } else {
      out.emplace_back(key, entry.value + " (" + entry.origin + ")");
    }
  }
  for (const auto& [name, value] : sources.env) {
    if (name.starts_with(kProfileEnvPrefix) && std::find(used.begin(), used.end(), name) == used.end()) {
      out.emplace_back(name, value + " (set by " + name + ")");
    }
  }
  out.insert(out.end(), unreadable.begin(), unreadable.end());
  return out;
}

BuildSettings RustflagsSettings(const CargoSettingSources& sources) {
  // Config arrays are joined across files, so every file that sets build.rustflags counts.
  std::vector<std::string> from_config;
  BuildSettings target_flags;
  for (const fs::path& config : sources.config_files) {
    std::string error;
    auto table = ReadToml(config, error);
    if (!table) continue;  // ReleaseProfileSettings lists it as not read
    if (const toml::node* flags = (*table)["build"]["rustflags"].node()) {
      from_config.push_back(TomlText(*flags) + " (set in " + config.string() + ")");
    }
    if (const toml::table* targets = (*table)["target"].as_table()) {
      for (const auto& [name, target] : *targets) {
        const toml::table* t = target.as_table();
        const toml::node* flags = t ? t->get("rustflags") : nullptr;
        if (!flags) continue;
        target_flags.emplace_back("target." + std::string(name.str()) + ".rustflags",
                                  TomlText(*flags) + " (set in " + config.string() +
                                      "; replaces build.rustflags for a matching target unless the "
                                      "environment sets rustflags)");
      }
    }
  }

  std::string value;
  if (auto it = sources.env.find("CARGO_ENCODED_RUSTFLAGS"); it != sources.env.end()) {
    std::string flags = it->second;
    std::replace(flags.begin(), flags.end(), '\x1f', ' ');  // cargo's separator in this variable
    value = flags + " (set by CARGO_ENCODED_RUSTFLAGS)";
  } else if (auto it = sources.env.find("RUSTFLAGS"); it != sources.env.end()) {
    value = it->second + " (set by RUSTFLAGS)";
  } else if (auto it = sources.env.find("CARGO_BUILD_RUSTFLAGS"); it != sources.env.end()) {
    value = it->second + " (set by CARGO_BUILD_RUSTFLAGS)";
  } else if (!from_config.empty()) {
    for (const auto& part : from_config) value += (value.empty() ? "" : " + ") + part;
  } else {
    value = "none (RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS and build.rustflags unset)";
  }
  BuildSettings out = {{"RUSTFLAGS", value}};
  out.insert(out.end(), target_flags.begin(), target_flags.end());
  return out;
}

}  // namespace claimbench::build
