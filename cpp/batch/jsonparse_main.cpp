// claimbench-cpp-jsonparse (implementation cpp-simdjson): the json-parse runner. The input
// is loaded once into a padded_string, so both parsers read it in place.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "jsonparse.h"
#include "runner.h"

namespace {

using claimbench::batch::Options;
using claimbench::batch::Task;
using claimbench::batch::UsageError;

simdjson::padded_string LoadCorpus(const Options& options) {
  if (!options.input) throw UsageError("task " + options.task + " needs --input FILE");
  simdjson::padded_string json;
  if (simdjson::error_code error = simdjson::padded_string::load(*options.input).get(json)) {
    throw UsageError("cannot read input file '" + *options.input + "': " + simdjson::error_message(error));
  }
  return json;
}

class JsonParseTask : public Task {
 public:
  using Typed = std::string (*)(simdjson::ondemand::parser&, const simdjson::padded_string&);

  /// `typed` is null for the dom tasks.
  JsonParseTask(simdjson::padded_string json, Typed typed) : json_(std::move(json)), typed_(typed) {}

  std::uint64_t InputBytes() const override { return json_.size(); }

  std::string RunIteration() override {
    return typed_ != nullptr ? typed_(ondemand_parser_, json_) : claimbench::batch::DomWalk(dom_parser_, json_);
  }

 private:
  simdjson::padded_string json_;
  Typed typed_;
  simdjson::ondemand::parser ondemand_parser_;
  simdjson::dom::parser dom_parser_;
};

std::unique_ptr<Task> MakeTask(const Options& options) {
  JsonParseTask::Typed typed = nullptr;
  if (options.task == "tweets-typed") typed = claimbench::batch::TweetsTyped;
  if (options.task == "geo-typed") typed = claimbench::batch::GeoTyped;
  if (options.task == "catalog-typed") typed = claimbench::batch::CatalogTyped;
  return std::make_unique<JsonParseTask>(LoadCorpus(options), typed);
}

}  // namespace

int main(int argc, char** argv) {
  return claimbench::batch::RunMain(argc, argv,
                                    {.program = "claimbench-cpp-jsonparse",
                                     .tasks = {{"tweets-typed", {}},
                                               {"tweets-dom", {}},
                                               {"geo-typed", {}},
                                               {"geo-dom", {}},
                                               {"catalog-typed", {}},
                                               {"catalog-dom", {}}},
                                     .make_task = MakeTask});
}
