// Parsing and checking claims files.
#include "claims/claim_spec.h"

#include <algorithm>
#include <set>

#include "spec/spec_error.h"
#include "spec/toml_reader.h"
#include "stats/metric_registry.h"

namespace claimbench::claims {
namespace {

using spec::TomlReader;

int LineOf(const toml::node* node) { return node ? static_cast<int>(node->source().begin.line) : 0; }

std::optional<Range> RangeField(const TomlReader& r, const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  const toml::array* a = n->as_array();
  if (!a || a->size() != 2 || !(*a)[0].is_number() || !(*a)[1].is_number()) {
    r.Fail(n, "'" + std::string(key) + "' must be [low, high], two numbers");
  }
  Range range{*(*a)[0].value<double>(), *(*a)[1].value<double>()};
  if (range.first > range.second || range.first < 0) {
    r.Fail(n, "'" + std::string(key) + "' must have 0 <= low <= high");
  }
  return range;
}

Check ParseCheck(const TomlReader& r, const toml::table& t) {
  r.AllowOnly(t, {"label", "workload", "metric", "go", "rust", "ratio", "go_range", "rust_range", "tolerance",
                  "tolerance_reason", "not_measured", "go_metric", "rust_metric", "within"});
  Check c;
  c.line = LineOf(&t);
  c.label = r.RequireString(t, "label");
  c.workload = r.RequireString(t, "workload");
  c.metric = r.RequireString(t, "metric");
  c.go = r.OptString(t, "go").value_or("");
  c.rust = r.OptString(t, "rust").value_or("");
  c.ratio = RangeField(r, t, "ratio");
  c.go_range = RangeField(r, t, "go_range");
  c.rust_range = RangeField(r, t, "rust_range");
  if (const toml::node* tol = t.get("tolerance")) {
    auto v = tol->value<double>();
    if (!v || *v < 0 || *v > 10) r.Fail(tol, "'tolerance' must be a number in [0, 10]");
    c.tolerance = *v;
  }
  c.tolerance_reason = r.OptString(t, "tolerance_reason").value_or("");
  c.not_measured = r.OptString(t, "not_measured").value_or("");
  if (const toml::array* within = t["within"].as_array()) {
    for (const auto& w : *within) {
      if (!w.is_string()) r.Fail(&w, "'within' lists workload ids (strings)");
      c.within.push_back(*w.value<std::string>());
    }
  }
  if (!c.within.empty() && c.workload != Check::kGeomean) r.Fail(t.get("within"), "'within' is for geomean checks only");
  c.go_metric = r.OptString(t, "go_metric").value_or("");
  c.rust_metric = r.OptString(t, "rust_metric").value_or("");
  if (c.tolerance > 0 && c.tolerance_reason.empty()) {
    r.Fail(t.get("tolerance"), "a 'tolerance' needs 'tolerance_reason': the wording that makes the figure approximate");
  }
  if (c.tolerance == 0 && !c.tolerance_reason.empty()) {
    r.Fail(t.get("tolerance_reason"), "'tolerance_reason' without a 'tolerance' above 0");
  }
  if (!c.ratio && !c.go_range && !c.rust_range) r.Fail(&t, "a check needs 'ratio', 'go_range' or 'rust_range'");
  if (c.IsGeomean()) {
    if (c.metric != "time" || !c.ratio || c.go_range || c.rust_range || !c.go.empty() || !c.rust.empty()) {
      r.Fail(&t, "a 'geomean' check has metric = \"time\", a 'ratio' (rust/go of time) and no 'go', 'rust' or ranges");
    }
    return c;
  }
  if (c.ratio && (c.go.empty() || c.rust.empty())) r.Fail(&t, "a 'ratio' check names both 'go' and 'rust'");
  if (c.go_range && c.go.empty()) r.Fail(&t, "'go_range' needs 'go', the implementation it bounds");
  if (c.rust_range && c.rust.empty()) r.Fail(&t, "'rust_range' needs 'rust', the implementation it bounds");
  return c;
}

}  // namespace

std::vector<Claim> LoadClaimsFile(const std::filesystem::path& file) {
  TomlReader r(file);
  const toml::table& root = r.root();
  r.AllowOnly(root, {"document", "title", "claim"});
  const std::string document = r.RequireString(root, "document");
  const std::string title = r.OptString(root, "title").value_or("");
  std::vector<Claim> out;
  for (const toml::table* t : r.TableArray(root, "claim")) {
    r.AllowOnly(*t, {"id", "paraphrase", "stated", "conditions", "not_measured", "check"});
    Claim c;
    c.file = file;
    c.line = LineOf(t);
    c.document = document;
    c.title = title;
    c.id = r.RequireString(*t, "id");
    c.paraphrase = r.RequireString(*t, "paraphrase");
    if (const toml::table* stated = r.OptTable(*t, "stated")) {
      for (const auto& [key, value] : *stated) {
        if (!value.is_string()) r.Fail(&value, "'stated." + std::string(key.str()) + "' must be text, as stated");
        c.stated.emplace_back(std::string(key.str()), *value.value<std::string>());
      }
    }
    if (c.stated.empty()) r.Fail(t, "claim '" + c.id + "' needs 'stated', the figures as the document gives them");
    c.conditions = r.OptString(*t, "conditions").value_or("");
    c.not_measured = r.OptString(*t, "not_measured").value_or("");
    std::set<std::string> labels;
    for (const toml::table* check : r.TableArray(*t, "check")) {
      c.checks.push_back(ParseCheck(r, *check));
      if (!labels.insert(c.checks.back().label).second) {
        r.Fail(check->get("label"), "duplicate check label '" + c.checks.back().label + "' in claim '" + c.id + "'");
      }
    }
    if (c.checks.empty() == c.not_measured.empty()) {
      r.Fail(t, "claim '" + c.id + "' needs either checks or 'not_measured' (with the reason), not both");
    }
    for (const auto& other : out) {
      if (other.id == c.id) r.Fail(t->get("id"), "duplicate claim id '" + c.id + "'");
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Claim> LoadClaims(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = root / "claims";
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Claim> all;
  std::map<std::string, std::string> seen;  // id -> file
  for (const auto& f : files) {
    for (auto& c : LoadClaimsFile(f)) {
      if (auto [it, fresh] = seen.emplace(c.id, f.filename().string()); !fresh) {
        throw spec::SpecError(f, c.line, "claim id '" + c.id + "' is also used in " + it->second);
      }
      all.push_back(std::move(c));
    }
  }
  return all;
}

std::vector<std::string> CheckAgainstCatalog(const std::vector<Claim>& claims, const spec::Catalog& catalog) {
  std::vector<std::string> problems;
  // The metrics a check may name, parameterised ones expanded from the workloads' [load].
  const stats::MetricRegistry registry = stats::MetricRegistry::ForCatalog(catalog);
  for (const auto& claim : claims) {
    for (const auto& check : claim.checks) {
      const std::string where = claim.file.string() + ":" + std::to_string(check.line) + ": claim '" + claim.id +
                                "', check '" + check.label + "': ";
      if (check.IsGeomean()) {
        // Its parts are whatever the run measured (ParseCheck checked the rest); what
        // `within` names must exist, or a typo would quietly narrow the mean.
        for (const auto& id : check.within) {
          const std::string workload = id.substr(0, id.find('/'));
          const std::string task = id.find('/') == std::string::npos ? "" : id.substr(id.find('/') + 1);
          auto w = std::find_if(catalog.workloads.begin(), catalog.workloads.end(),
                                [&](const spec::Workload& x) { return x.id == workload; });
          bool found = w != catalog.workloads.end() &&
                       (task.empty() || std::any_of(w->batch.tasks.begin(), w->batch.tasks.end(),
                                                    [&](const spec::BatchTask& t) { return t.id == task; }));
          if (!found) problems.push_back(where + "'within' names '" + id + "', which is no workload or task");
        }
        continue;
      }
      std::string kind = "build";
      const spec::Workload* workload = nullptr;
      std::string task;
      if (check.workload != "build") {
        auto slash = check.workload.find('/');
        std::string id = check.workload.substr(0, slash);
        for (const auto& w : catalog.workloads) {
          if (w.id == id) workload = &w;
        }
        if (!workload) {
          problems.push_back(where + "unknown workload '" + id + "'");
          continue;
        }
        kind = workload->kind;
        if (kind == "batch") {
          task = slash == std::string::npos ? "" : check.workload.substr(slash + 1);
          bool found = std::any_of(workload->batch.tasks.begin(), workload->batch.tasks.end(),
                                   [&](const spec::BatchTask& t) { return t.id == task; });
          if (!found) {
            problems.push_back(where + "workload '" + id + "' has no task '" + task + "' (write '" + id + "/<task>')");
            continue;
          }
        } else if (slash != std::string::npos) {
          problems.push_back(where + "'" + id + "' is an http workload: it has no tasks");
          continue;
        }
      }
      const std::vector<std::string> metrics = registry.NamesFor(kind);
      for (const std::string* name : {&check.metric, &check.go_metric, &check.rust_metric}) {
        if (name->empty() || std::find(metrics.begin(), metrics.end(), *name) != metrics.end()) continue;
        std::string known;
        for (const auto& m : metrics) known += (known.empty() ? "" : ", ") + m;
        problems.push_back(where + "unknown " + kind + " metric '" + *name + "' (known: " + known + ")");
      }
      if (!check.go_metric.empty() || !check.rust_metric.empty()) {
        const stats::Metric* go = registry.Find(check.GoMetric());
        const stats::Metric* rust = registry.Find(check.RustMetric());
        if (go && rust && go->unit != rust->unit) {
          problems.push_back(where + "'" + check.GoMetric() + "' and '" + check.RustMetric() +
                             "' have different units: no ratio between them");
        }
      }
      for (const std::string* impl : {&check.go, &check.rust}) {
        if (impl->empty()) continue;
        if (!catalog.implementations.count(*impl)) {
          problems.push_back(where + "unknown implementation '" + *impl + "'");
          continue;
        }
        if (!workload) continue;
        const auto& ids = workload->implementations;
        bool runs = std::find(ids.begin(), ids.end(), *impl) != ids.end();
        if (runs && kind == "batch") {
          for (const auto& t : workload->batch.tasks) {
            if (t.id == task && !t.implementations.empty()) {
              runs = std::find(t.implementations.begin(), t.implementations.end(), *impl) != t.implementations.end();
            }
          }
        }
        if (!runs) problems.push_back(where + "'" + *impl + "' does not run " + check.workload);
      }
      auto language_of = [&](const std::string& id) {
        return catalog.implementations.count(id) ? catalog.implementations.at(id).language : spec::Language::kCpp;
      };
      if (!check.go.empty() && language_of(check.go) != spec::Language::kGo) {
        problems.push_back(where + "'go' names '" + check.go + "', which is not a Go implementation");
      }
      if (!check.rust.empty() && language_of(check.rust) != spec::Language::kRust) {
        problems.push_back(where + "'rust' names '" + check.rust + "', which is not a Rust implementation");
      }
    }
  }
  return problems;
}

}  // namespace claimbench::claims
