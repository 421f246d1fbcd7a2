// Parsing of implementations.toml and workload.toml.
#include "spec/workload.h"

#include <algorithm>
#include <stdexcept>

#include "spec/toml_reader.h"
#include "util/duration.h"

namespace claimbench::spec {

std::string_view LanguageName(Language language) {
  switch (language) {
    case Language::kGo: return "go";
    case Language::kRust: return "rust";
    case Language::kCpp: return "cpp";
  }
  return "?";
}

namespace {

std::chrono::nanoseconds DurationField(const TomlReader& r, const toml::table& t, std::string_view key,
                                       std::chrono::nanoseconds fallback) {
  auto text = r.OptString(t, key);
  if (!text) return fallback;
  try {
    return ParseDuration(*text);
  } catch (const std::invalid_argument& e) {
    r.Fail(t.get(key), e.what());
  }
}

LoadSpec ParseLoad(const TomlReader& r, const toml::table& t) {
  r.AllowOnly(t, {"method", "path", "headers", "body", "connections", "duration", "warmup", "connection_sweep",
                  "fixed_rates", "knee_fractions", "point_duration", "vary_price"});
  LoadSpec load;
  load.method = r.OptString(t, "method").value_or(load.method);
  load.path = r.OptString(t, "path").value_or(load.path);
  if (const toml::table* h = r.OptTable(t, "headers")) {
    for (const auto& [name, value] : *h) {
      if (!value.is_string()) r.Fail(&value, "header '" + std::string(name.str()) + "' must be a string");
      load.headers.emplace_back(std::string(name.str()), std::string(*value.value<std::string_view>()));
    }
  }
  load.body = r.OptString(t, "body").value_or("");
  if (auto c = r.OptInt(t, "connections")) {
    if (*c < 1) r.Fail(t.get("connections"), "'connections' must be at least 1");
    load.connections = static_cast<int>(*c);
  }
  load.duration = DurationField(r, t, "duration", load.duration);
  load.warmup = DurationField(r, t, "warmup", load.warmup);
  load.point_duration = DurationField(r, t, "point_duration", load.point_duration);
  if (const toml::array* sweep = t["connection_sweep"].as_array()) {
    for (const toml::node& n : *sweep) {
      if (!n.is_integer() || *n.value<int64_t>() < 1) r.Fail(&n, "'connection_sweep' holds connection counts >= 1");
      load.connection_sweep.push_back(static_cast<int>(*n.value<int64_t>()));
    }
  }
  for (const auto& rate : r.StringArray(t, "fixed_rates")) {
    try {
      load.fixed_rates.push_back(ParseCount(rate));
    } catch (const std::invalid_argument& e) {
      r.Fail(t.get("fixed_rates"), e.what());
    }
  }
  if (const toml::array* fractions = t["knee_fractions"].as_array()) {
    for (const toml::node& n : *fractions) {
      auto f = n.value<double>();
      if (!f || *f <= 0 || *f > 2) r.Fail(&n, "'knee_fractions' holds fractions of the closed-loop rate in (0, 2]");
      load.knee_fractions.push_back(*f);
    }
  }
  if (const toml::node* vary = t.get("vary_price")) {
    if (!vary->is_boolean()) r.Fail(vary, "'vary_price' must be true or false");
    load.vary_price = *vary->value<bool>();
  }
  return load;
}

}  // namespace

Workload LoadWorkload(const std::filesystem::path& workload_toml) {
  TomlReader r(workload_toml);
  const toml::table& root = r.root();
  r.AllowOnly(root, {"id", "kind", "description", "vectors", "implementations", "load", "quick"});
  Workload w;
  w.dir = std::filesystem::absolute(workload_toml).parent_path();
  w.id = r.RequireString(root, "id");
  w.kind = r.RequireString(root, "kind");
  if (w.kind != "http" && w.kind != "batch") r.Fail(root.get("kind"), "'kind' must be \"http\" or \"batch\"");
  w.description = r.OptString(root, "description").value_or("");
  w.vectors_file = w.dir / r.RequireString(root, "vectors");
  w.implementations = r.StringArray(root, "implementations");
  if (w.implementations.empty()) r.Fail(&root, "'implementations' must list at least one implementation id");
  if (const toml::table* load = r.OptTable(root, "load")) w.load = ParseLoad(r, *load);
  if (const toml::table* quick = r.OptTable(root, "quick")) {
    r.AllowOnly(*quick, {"duration", "warmup", "point_duration"});
    w.load.quick_duration = DurationField(r, *quick, "duration", w.load.duration);
    w.load.quick_warmup = DurationField(r, *quick, "warmup", w.load.warmup);
    w.load.quick_point_duration = DurationField(r, *quick, "point_duration", w.load.point_duration);
  } else {
    w.load.quick_duration = w.load.duration;
    w.load.quick_warmup = w.load.warmup;
    w.load.quick_point_duration = w.load.point_duration;
  }
  return w;
}

std::map<std::string, Implementation> LoadImplementations(const std::filesystem::path& file) {
  TomlReader r(file);
  r.AllowOnly(r.root(), {"implementation"});
  std::map<std::string, Implementation> out;
  for (const toml::table* t : r.TableArray(r.root(), "implementation")) {
    r.AllowOnly(*t, {"id", "language", "kind", "package", "binary", "library", "source", "workers_env"});
    Implementation impl;
    impl.id = r.RequireString(*t, "id");
    std::string lang = r.RequireString(*t, "language");
    if (lang == "go") {
      impl.language = Language::kGo;
    } else if (lang == "rust") {
      impl.language = Language::kRust;
    } else if (lang == "cpp") {
      impl.language = Language::kCpp;
    } else {
      r.Fail(t->get("language"), "unknown language '" + lang + "' (expected go, rust or cpp)");
    }
    impl.kind = r.RequireString(*t, "kind");
    impl.package = r.RequireString(*t, "package");
    impl.binary = r.RequireString(*t, "binary");
    impl.library = r.RequireString(*t, "library");
    impl.source = r.OptString(*t, "source").value_or("");
    impl.workers_env = r.OptString(*t, "workers_env").value_or("");
    if (out.count(impl.id)) r.Fail(t, "duplicate implementation id '" + impl.id + "'");
    out.emplace(impl.id, std::move(impl));
  }
  return out;
}

Catalog LoadCatalog(const std::filesystem::path& root) {
  Catalog c;
  c.root = root;
  c.implementations = LoadImplementations(root / "workloads" / "implementations.toml");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(root / "workloads")) {
    auto spec = entry.path() / "workload.toml";
    if (entry.is_directory() && std::filesystem::exists(spec)) files.push_back(spec);
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    Workload w = LoadWorkload(f);
    for (const auto& id : w.implementations) {
      if (!c.implementations.count(id)) {
        TomlReader r(f);
        r.Fail(r.root().get("implementations"),
               "implementation '" + id + "' is not defined in workloads/implementations.toml");
      }
    }
    c.workloads.push_back(std::move(w));
  }
  return c;
}

const Workload& Catalog::GetWorkload(const std::string& id) const {
  for (const auto& w : workloads) {
    if (w.id == id) return w;
  }
  std::string known;
  for (const auto& w : workloads) known += (known.empty() ? "" : ", ") + w.id;
  throw std::invalid_argument("unknown workload '" + id + "' (known: " + known + ")");
}

const Implementation& Catalog::GetImplementation(const std::string& id) const {
  auto it = implementations.find(id);
  if (it != implementations.end()) return it->second;
  std::string known;
  for (const auto& [k, v] : implementations) known += (known.empty() ? "" : ", ") + k;
  throw std::invalid_argument("unknown implementation '" + id + "' (known: " + known + ")");
}

}  // namespace claimbench::spec
