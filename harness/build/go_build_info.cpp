// Parsing `go version -m`. The format is runtime/debug.BuildInfo.String(): one
// tab-indented, tab-separated line per entry ("\tbuild\tCGO_ENABLED=0",
// "\tdep\tpath\tversion\tsum"), with keys and values that need it quoted by
// strconv.Quote.
#include "build/go_build_info.h"

#include <sstream>
#include <vector>

namespace claimbench::build {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Reads a strconv.Quote'd string at the start of `text` (which begins with '"'); `rest`
// is what follows the closing quote. Common escapes are decoded; any other escape is
// kept as written, which is enough for flags and environment values.
std::string Unquote(std::string_view text, std::string_view& rest) {
  std::string out;
  size_t i = 1;
  for (; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char c = text[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '\\':
      case '"': out += c; break;
      default: out += '\\', out += c; break;
    }
  }
  rest = i < text.size() ? text.substr(i + 1) : std::string_view();
  return out;
}

// One `build` setting: KEY=VALUE, where KEY is quoted when it contains '=' (or spaces)
// and VALUE is quoted when it contains spaces or quotes.
std::pair<std::string, std::string> ParseSetting(std::string_view text) {
  std::string key;
  std::string_view rest;
  if (!text.empty() && text.front() == '"') {
    key = Unquote(text, rest);
    if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
  } else {
    size_t eq = text.find('=');
    key = std::string(text.substr(0, eq));
    rest = eq == std::string_view::npos ? std::string_view() : text.substr(eq + 1);
  }
  std::string_view after;
  std::string value = !rest.empty() && rest.front() == '"' ? Unquote(rest, after) : std::string(rest);
  return {key, value};
}

}  // namespace

GoBuildInfo ParseGoVersionM(std::string_view text) {
  GoBuildInfo info;
  std::istringstream lines{std::string(text)};
  std::string line;
  if (std::getline(lines, line)) {
    size_t colon = line.rfind(": ");
    info.go_version = colon == std::string::npos ? line : line.substr(colon + 2);
  }
  while (std::getline(lines, line)) {
    std::string_view entry = line;
    if (!entry.empty() && entry.back() == '\r') entry.remove_suffix(1);
    if (entry.empty() || entry.front() != '\t') continue;
    entry.remove_prefix(1);
    size_t tab = entry.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string_view kind = entry.substr(0, tab);
    std::string_view rest = entry.substr(tab + 1);
    if (kind == "build") {
      info.settings.push_back(ParseSetting(rest));
    } else if (kind == "dep") {
      auto fields = SplitTabs(rest);
      if (fields.size() >= 2) info.dependencies[std::string(fields[0])] = std::string(fields[1]);
    }
  }
  return info;
}

}  // namespace claimbench::build
