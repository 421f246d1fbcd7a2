// The `catalog` corpus (json-parse): a ticketing catalog shaped like citm_catalog.json,
// pretty-printed with 2-space indents: many small objects and integer arrays, much of it
// whitespace, many null fields. Shape: workloads/json-parse/README.md. Members are in
// sorted order, as in the original (so nlohmann's dump(2) reproduces the file exactly).
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "batch/corpus_generators.h"
#include "batch/corpus_json_writer.h"
#include "batch/corpus_rng.h"

namespace claimbench::batch {
namespace {

constexpr size_t kTargetBytes = size_t{4} << 20;
constexpr int kAreas = 60;
constexpr int kTopics = 40;
constexpr int kEvents = 900;

constexpr std::array<std::string_view, 12> kAreaParts = {
    "Arrière-scène", "1er balcon", "2ème balcon", "Parterre", "Loge", "Fosse",
    "Corbeille",     "Mezzanine",  "Galerie",     "Baignoire", "Amphithéâtre", "Carré or"};
constexpr std::array<std::string_view, 6> kSides = {"central", "cour", "jardin", "bergerie cour", "face", "côté"};
constexpr std::array<std::string_view, 24> kNameWords = {
    "Orchestre", "Philharmonique", "de", "Radio", "France", "Quatuor", "Ébène", "récital", "Opéra", "Ballet",
    "Symphonie", "n°", "Concert", "Jazz", "Festival", "Été", "Noël", "Requiem", "Mozart", "Brahms",
    "Dvořák", "Tchaïkovski", "Sinfonía", "Gala"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kVenues = {{
    {"CHAMPS_ELYSEES", "Théâtre des Champs-Élysées"},
    {"CHATELET_CHATELET", "Théâtre du Châtelet"},
    {"GAVEAU_GAVEAU", "Salle Gaveau"},
    {"OPERA_BASTILLE", "Opéra Bastille"},
    {"PLEYEL_PLEYEL", "Salle Pleyel"},
    {"ZENITH_PARIS", "Le Zénith"},
}};

std::string Phrase(int64_t words, Rng& rng) {
  std::string s;
  for (int64_t i = 0; i < words; ++i) {
    if (i > 0) s += ' ';
    s += rng.Pick(kNameWords);
  }
  return s;
}

std::string Logo(Rng& rng) {
  static constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string s = "/images/UE0AAAAA";
  for (int i = 0; i < 12; ++i) s += kChars[rng.Below(kChars.size())];
  return s;
}

void StringOrNull(JsonWriter& w, bool present, const std::string& value) {
  if (present) {
    w.String(value);
  } else {
    w.Null();
  }
}

/// Ids as citm has them: nine digits, ascending, so that their decimal strings sort as
/// the numbers do.
std::vector<int64_t> Ids(int64_t first, int count, Rng& rng) {
  std::vector<int64_t> ids;
  for (int64_t id = first; static_cast<int>(ids.size()) < count; id += rng.Between(1, 5000)) ids.push_back(id);
  return ids;
}

void IdArray(JsonWriter& w, const std::vector<int64_t>& pool, int64_t count, Rng& rng) {
  w.BeginArray();
  for (int64_t i = 0; i < count; ++i) w.Int(rng.Pick(pool));
  w.EndArray();
}

void Event(JsonWriter& w, int64_t id, const std::vector<int64_t>& topics, Rng& rng) {
  w.BeginObject();
  w.Key("description");
  bool has_description = rng.PerMille(400);
  StringOrNull(w, has_description, has_description ? Phrase(rng.Between(4, 30), rng) : "");
  w.Key("id");
  w.Int(id);
  w.Key("logo");
  bool has_logo = rng.PerMille(500);
  StringOrNull(w, has_logo, has_logo ? Logo(rng) : "");
  w.Key("name");
  w.String(Phrase(rng.Between(1, 6), rng));
  w.Key("subTopicIds");
  IdArray(w, topics, rng.Between(1, 5), rng);
  w.Key("subjectCode");
  w.Null();
  w.Key("subtitle");
  w.Null();
  w.Key("topicIds");
  IdArray(w, topics, rng.Between(1, 2), rng);
  w.EndObject();
}

void Performance(JsonWriter& w, int64_t id, const std::vector<int64_t>& events, const std::vector<int64_t>& areas,
                 Rng& rng) {
  int64_t event_id = rng.Pick(events);
  int64_t categories = rng.Between(1, 6);
  std::vector<int64_t> category_ids;
  for (int64_t c = 0; c < categories; ++c) category_ids.push_back(338937000 + 1000 * c + rng.Between(0, 999));
  w.BeginObject();
  w.Key("eventId");
  w.Int(event_id);
  w.Key("id");
  w.Int(id);
  w.Key("logo");
  bool has_logo = rng.PerMille(300);
  StringOrNull(w, has_logo, has_logo ? Logo(rng) : "");
  w.Key("name");
  w.Null();
  w.Key("prices");
  w.BeginArray();
  for (int64_t category : category_ids) {
    for (int64_t audience = rng.Between(1, 2); audience > 0; --audience) {
      w.BeginObject();
      w.Key("amount");
      int64_t euros = rng.Between(5, 250);  // one draw per statement: operand order is unspecified
      w.Int(euros * 1000 + 250 * rng.Between(0, 3));
      w.Key("audienceSubCategoryId");
      w.Int(337100890 + audience);
      w.Key("seatCategoryId");
      w.Int(category);
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("seatCategories");
  w.BeginArray();
  for (int64_t category : category_ids) {
    w.BeginObject();
    w.Key("areas");
    w.BeginArray();
    for (int64_t a = rng.Between(1, 6); a > 0; --a) {
      w.BeginObject();
      w.Key("areaId");
      w.Int(rng.Pick(areas));
      w.Key("blockIds");
      // Mostly empty, as in citm; sometimes a few block numbers.
      int64_t blocks = rng.PerMille(800) ? 0 : rng.Between(1, 4);
      w.BeginArray();
      for (int64_t b = 0; b < blocks; ++b) w.Int(rng.Between(1, 120));
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("seatCategoryId");
    w.Int(category);
    w.EndObject();
  }
  w.EndArray();
  w.Key("seatMapImage");
  w.Null();
  w.Key("start");
  w.Int(1372701600000 + 3600000 * rng.Between(0, 24 * 365 * 2));
  w.Key("venueCode");
  w.String(rng.Pick(kVenues).first);
  w.EndObject();
}

}  // namespace

std::string GenerateCatalog(uint64_t seed) {
  Rng rng(seed);
  std::vector<int64_t> areas = Ids(205705993, kAreas, rng);
  std::vector<int64_t> topics = Ids(107888604, kTopics, rng);
  std::vector<int64_t> events = Ids(138586341, kEvents, rng);

  std::string out;
  out.reserve(kTargetBytes + (64 << 10));
  JsonWriter w(out, 2);
  w.BeginObject();
  w.Key("areaNames");
  w.BeginObject();
  for (int64_t id : areas) {
    w.Key(std::to_string(id));
    std::string name(rng.Pick(kAreaParts));
    name += ' ';
    name += rng.Pick(kSides);
    w.String(name);
  }
  w.EndObject();
  w.Key("events");
  w.BeginObject();
  for (int64_t id : events) {
    w.Key(std::to_string(id));
    Event(w, id, topics, rng);
  }
  w.EndObject();
  w.Key("performances");
  w.BeginArray();
  for (int64_t id = 339887544; out.size() < kTargetBytes; id += rng.Between(1, 200)) {
    Performance(w, id, events, areas, rng);
  }
  w.EndArray();
  w.Key("topicNames");
  w.BeginObject();
  for (int64_t id : topics) {
    w.Key(std::to_string(id));
    w.String(Phrase(rng.Between(1, 3), rng));
  }
  w.EndObject();
  w.Key("venueNames");
  w.BeginObject();
  for (const auto& [code, name] : kVenues) {
    w.Key(code);
    w.String(name);
  }
  w.EndObject();
  w.EndObject();
  out += '\n';
  return out;
}

}  // namespace claimbench::batch
