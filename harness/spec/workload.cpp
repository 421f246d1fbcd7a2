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

// A TOML table of parameters: values are strings, integers or booleans, kept as text.
std::vector<std::pair<std::string, std::string>> ParamTable(const TomlReader& r, const toml::table& t) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : t) {
    std::string text;
    if (auto s = value.value_exact<std::string>()) {
      text = *s;
    } else if (auto i = value.value_exact<int64_t>()) {
      text = std::to_string(*i);
    } else if (auto b = value.value_exact<bool>()) {
      text = *b ? "true" : "false";
    } else {
      r.Fail(&value, "parameter '" + std::string(key.str()) + "' must be a string, an integer or a boolean");
    }
    out.emplace_back(std::string(key.str()), std::move(text));
  }
  return out;
}

int PositiveInt(const TomlReader& r, const toml::table& t, std::string_view key, int fallback, int min) {
  auto v = r.OptInt(t, key);
  if (!v) return fallback;
  if (*v < min) r.Fail(t.get(key), "'" + std::string(key) + "' must be at least " + std::to_string(min));
  return static_cast<int>(*v);
}

// [instructions]: iterations = K, quick = true|false, or not_counted = "why" alone.
InstructionSpec ParseInstructions(const TomlReader& r, const toml::table& t) {
  r.AllowOnly(t, {"iterations", "quick", "not_counted"});
  InstructionSpec counting;
  if (auto why = r.OptString(t, "not_counted")) {
    if (why->empty()) r.Fail(t.get("not_counted"), "'not_counted' must say why the workload is not counted");
    for (std::string_view key : {"iterations", "quick"}) {
      if (t.get(key)) {
        r.Fail(t.get(key), "'" + std::string(key) + "' has no use beside 'not_counted': the workload is not counted");
      }
    }
    counting.not_counted = *why;
    return counting;
  }
  counting.iterations = PositiveInt(r, t, "iterations", counting.iterations, 1);
  if (const toml::node* quick = t.get("quick")) {
    if (!quick->is_boolean()) r.Fail(quick, "'quick' must be true or false");
    counting.quick = *quick->value<bool>();
  }
  return counting;
}

BatchSpec ParseBatch(const TomlReader& r, const toml::table& root, const std::vector<std::string>& workload_impls) {
  BatchSpec b;
  if (const toml::table* t = r.OptTable(root, "batch")) {
    r.AllowOnly(*t, {"processes", "warmup", "iterations", "timeout"});
    b.processes = PositiveInt(r, *t, "processes", b.processes, 1);
    b.warmup = PositiveInt(r, *t, "warmup", b.warmup, 0);
    b.iterations = PositiveInt(r, *t, "iterations", b.iterations, 1);
    b.timeout = DurationField(r, *t, "timeout", b.timeout);
  }
  b.quick_processes = b.processes;
  b.quick_warmup = b.warmup;
  b.quick_iterations = b.iterations;
  if (const toml::table* q = r.OptTable(root, "quick")) {
    r.AllowOnly(*q, {"processes", "warmup", "iterations"});
    b.quick_processes = PositiveInt(r, *q, "processes", b.processes, 1);
    b.quick_warmup = PositiveInt(r, *q, "warmup", b.warmup, 0);
    b.quick_iterations = PositiveInt(r, *q, "iterations", b.iterations, 1);
  }
  for (const toml::table* c : r.TableArray(root, "corpus")) {
    r.AllowOnly(*c, {"name", "seed", "sha256"});
    CorpusRef ref{r.RequireString(*c, "name"), static_cast<uint64_t>(r.RequireInt(*c, "seed")),
                  r.RequireString(*c, "sha256")};
    bool hex = ref.sha256.size() == 64 && std::all_of(ref.sha256.begin(), ref.sha256.end(), [](char ch) {
                 return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
               });
    if (!hex) r.Fail(c->get("sha256"), "'sha256' must be 64 lowercase hex digits");
    b.corpora.push_back(std::move(ref));
  }
  for (const toml::table* t : r.TableArray(root, "task")) {
    r.AllowOnly(*t, {"id", "task", "corpus", "params", "params_go", "params_rust", "params_cpp", "expect", "throughput",
                     "implementations", "fresh_process"});
    BatchTask task;
    task.id = r.RequireString(*t, "id");
    for (const auto& other : b.tasks) {
      if (other.id == task.id) r.Fail(t->get("id"), "duplicate task id '" + task.id + "'");
    }
    task.runner_task = r.OptString(*t, "task").value_or(task.id);
    task.corpus = r.OptString(*t, "corpus").value_or("");
    if (!task.corpus.empty() && std::none_of(b.corpora.begin(), b.corpora.end(),
                                             [&](const CorpusRef& c) { return c.name == task.corpus; })) {
      r.Fail(t->get("corpus"), "corpus '" + task.corpus + "' is not declared in a [[corpus]] table");
    }
    if (const toml::table* p = r.OptTable(*t, "params")) task.params = ParamTable(r, *p);
    for (std::string_view language : {"go", "rust", "cpp"}) {
      if (const toml::table* p = r.OptTable(*t, "params_" + std::string(language))) {
        task.language_params[std::string(language)] = ParamTable(r, *p);
      }
    }
    task.expect = r.RequireString(*t, "expect");
    task.throughput = r.OptString(*t, "throughput").value_or("bytes");
    if (task.throughput != "bytes" && task.throughput != "lines" && task.throughput != "none") {
      r.Fail(t->get("throughput"), "'throughput' must be \"bytes\", \"lines\" or \"none\"");
    }
    if (task.throughput != "none" && task.corpus.empty()) {
      r.Fail(t, "task '" + task.id + "' reports throughput per input " + task.throughput + " but names no corpus");
    }
    if (const toml::node* fresh = t->get("fresh_process")) {
      if (!fresh->is_boolean()) r.Fail(fresh, "'fresh_process' must be true or false");
      task.fresh_process = *fresh->value<bool>();
    }
    task.implementations = r.StringArray(*t, "implementations");
    for (const auto& id : task.implementations) {
      if (std::find(workload_impls.begin(), workload_impls.end(), id) == workload_impls.end()) {
        r.Fail(t->get("implementations"), "implementation '" + id + "' is not one of the workload's implementations");
      }
    }
    b.tasks.push_back(std::move(task));
  }
  if (b.tasks.empty()) r.Fail(&root, "a batch workload needs at least one [[task]]");
  if (const toml::table* t = r.OptTable(root, "instructions")) b.instructions = ParseInstructions(r, *t);
  return b;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> BatchTask::ParamsFor(std::string_view language) const {
  auto out = params;
  auto it = language_params.find(std::string(language));
  if (it == language_params.end()) return out;
  for (const auto& [key, value] : it->second) {
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == key; });
    if (same != out.end()) {
      same->second = value;
    } else {
      out.emplace_back(key, value);
    }
  }
  return out;
}

Workload LoadWorkload(const std::filesystem::path& workload_toml) {
  TomlReader r(workload_toml);
  const toml::table& root = r.root();
  r.AllowOnly(root, {"id", "kind", "description", "vectors", "implementations", "load", "quick", "batch", "corpus",
                     "task", "instructions"});
  Workload w;
  w.dir = std::filesystem::absolute(workload_toml).parent_path();
  w.id = r.RequireString(root, "id");
  w.kind = r.RequireString(root, "kind");
  if (w.kind != "http" && w.kind != "batch") r.Fail(root.get("kind"), "'kind' must be \"http\" or \"batch\"");
  w.description = r.OptString(root, "description").value_or("");
  w.implementations = r.StringArray(root, "implementations");
  if (w.implementations.empty()) r.Fail(&root, "'implementations' must list at least one implementation id");
  if (w.kind == "batch") {
    // A batch workload's vectors are its tasks' pinned checksums.
    for (std::string_view key : {"vectors", "load"}) {
      if (root.get(key)) r.Fail(root.get(key), "'" + std::string(key) + "' is for http workloads; batch tasks pin 'expect'");
    }
    w.batch = ParseBatch(r, root, w.implementations);
    return w;
  }
  for (std::string_view key : {"batch", "corpus", "task", "instructions"}) {
    if (root.get(key)) r.Fail(root.get(key), "'" + std::string(key) + "' is for batch workloads");
  }
  w.vectors_file = w.dir / r.RequireString(root, "vectors");
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
    r.AllowOnly(*t, {"id", "language", "kind", "package", "binary", "library", "source", "workers_env", "args"});
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
    impl.args = r.StringArray(*t, "args");
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
