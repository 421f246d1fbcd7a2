// json-parse with simdjson (see jsonparse.h). The typed readers use On-Demand in its
// exception style and read the fields in document order, which is the order On-Demand
// finds them fastest; fields the checksum does not need are skipped, as a struct that does
// not declare them would skip them.
#include "jsonparse.h"

#include <cstdint>
#include <string_view>

#include "checksum.h"

namespace claimbench::batch {

using simdjson::ondemand::array;
using simdjson::ondemand::document;
using simdjson::ondemand::field;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

std::string TweetsTyped(simdjson::ondemand::parser& parser, const simdjson::padded_string& json) {
  std::uint64_t statuses = 0, id_sum = 0, user_id_sum = 0, text_bytes = 0, counts = 0, verified = 0, replies = 0;
  std::uint64_t hashtags = 0, hashtag_bytes = 0, indices_sum = 0;
  document doc = parser.iterate(json);
  for (object status : doc["statuses"]) {
    ++statuses;
    id_sum += std::uint64_t(status["id"].get_uint64());
    text_bytes += std::string_view(status["text"]).size();
    object user = status["user"];
    user_id_sum += std::uint64_t(user["id"].get_uint64());
    text_bytes += std::string_view(user["screen_name"]).size();
    counts += Wrap(user["followers_count"].get_int64());
    verified += bool(user["verified"].get_bool()) ? 1 : 0;
    for (object hashtag : status["entities"]["hashtags"]) {
      ++hashtags;
      hashtag_bytes += std::string_view(hashtag["text"]).size();
      for (std::int64_t index : hashtag["indices"]) indices_sum += Wrap(index);
    }
    counts += Wrap(status["retweet_count"].get_int64());
    counts += Wrap(status["favorite_count"].get_int64());
    value reply = status["in_reply_to_status_id"];
    if (!bool(reply.is_null())) {
      // Read as the typed field would be, so a non-integer fails here as it fails a decoder.
      static_cast<void>(std::uint64_t(reply.get_uint64()));
      ++replies;
    }
  }
  const std::uint64_t max_id = doc["search_metadata"]["max_id"].get_uint64();
  return ChecksumBuilder()
      .Add("statuses", statuses)
      .Add("id_sum", id_sum)
      .Add("user_id_sum", user_id_sum)
      .Add("text_bytes", text_bytes)
      .Add("counts", counts)
      .Add("verified", verified)
      .Add("replies", replies)
      .Add("hashtags", hashtags)
      .Add("hashtag_bytes", hashtag_bytes)
      .Add("indices_sum", indices_sum)
      .Add("max_id", max_id)
      .str();
}

std::string GeoTyped(simdjson::ondemand::parser& parser, const simdjson::padded_string& json) {
  std::uint64_t features = 0, rings = 0, points = 0, coord_bits = 0, name_bytes = 0;
  document doc = parser.iterate(json);
  for (object feature : doc["features"]) {
    ++features;
    name_bytes += std::string_view(feature["properties"]["name"]).size();
    for (array ring : feature["geometry"]["coordinates"]) {
      ++rings;
      for (array point : ring) {
        ++points;
        for (double coordinate : point) coord_bits += Bits(coordinate);
      }
    }
  }
  return ChecksumBuilder()
      .Add("features", features)
      .Add("rings", rings)
      .Add("points", points)
      .Add("coord_bits", coord_bits)
      .Add("name_bytes", name_bytes)
      .str();
}

std::string CatalogTyped(simdjson::ondemand::parser& parser, const simdjson::padded_string& json) {
  std::uint64_t events = 0, event_id_sum = 0, event_text_bytes = 0, topic_ids = 0, performances = 0;
  std::uint64_t price_amount_sum = 0, prices = 0, areas = 0, block_ids = 0, area_names = 0, area_name_bytes = 0;
  document doc = parser.iterate(json);
  for (field area_name : doc["areaNames"].get_object()) {
    ++area_names;
    area_name_bytes += std::string_view(area_name.value()).size();
  }
  for (field entry : doc["events"].get_object()) {
    object event = entry.value();
    ++events;
    value description = event["description"];
    if (!bool(description.is_null())) event_text_bytes += std::string_view(description).size();
    event_id_sum += Wrap(event["id"].get_int64());
    event_text_bytes += std::string_view(event["name"]).size();
    for ([[maybe_unused]] std::int64_t id : event["subTopicIds"]) ++topic_ids;
    for ([[maybe_unused]] std::int64_t id : event["topicIds"]) ++topic_ids;
  }
  for (object performance : doc["performances"]) {
    ++performances;
    for (object price : performance["prices"]) {
      ++prices;
      price_amount_sum += Wrap(price["amount"].get_int64());
    }
    for (object category : performance["seatCategories"]) {
      for (object area : category["areas"]) {
        ++areas;
        for ([[maybe_unused]] std::int64_t block : area["blockIds"]) ++block_ids;
      }
    }
  }
  return ChecksumBuilder()
      .Add("events", events)
      .Add("event_id_sum", event_id_sum)
      .Add("event_text_bytes", event_text_bytes)
      .Add("topic_ids", topic_ids)
      .Add("performances", performances)
      .Add("price_amount_sum", price_amount_sum)
      .Add("prices", prices)
      .Add("areas", areas)
      .Add("block_ids", block_ids)
      .Add("area_names", area_names)
      .Add("area_name_bytes", area_name_bytes)
      .str();
}

namespace {

struct DomCounts {
  std::uint64_t objects = 0, arrays = 0, keys = 0, key_bytes = 0, strings = 0, string_bytes = 0;
  std::uint64_t ints = 0, int_sum = 0, floats = 0, float_bits = 0, trues = 0, falses = 0, nulls = 0;
};

// The type was just switched on, so value_unsafe() reads each value without a second check.
void Walk(simdjson::dom::element element, DomCounts& c) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::OBJECT: {
      ++c.objects;
      // A named copy: a range-for over value_unsafe()'s reference would outlive its temporary.
      const simdjson::dom::object object = element.get_object().value_unsafe();
      for (simdjson::dom::key_value_pair member : object) {
        ++c.keys;
        c.key_bytes += member.key.size();
        Walk(member.value, c);
      }
      break;
    }
    case element_type::ARRAY: {
      ++c.arrays;
      const simdjson::dom::array array = element.get_array().value_unsafe();
      for (simdjson::dom::element child : array) Walk(child, c);
      break;
    }
    case element_type::STRING:
      ++c.strings;
      c.string_bytes += element.get_string().value_unsafe().size();
      break;
    case element_type::INT64:
      ++c.ints;
      c.int_sum += Wrap(element.get_int64().value_unsafe());
      break;
    case element_type::UINT64:
      ++c.ints;
      c.int_sum += element.get_uint64().value_unsafe();
      break;
    case element_type::DOUBLE:
      ++c.floats;
      c.float_bits += Bits(element.get_double().value_unsafe());
      break;
    case element_type::BOOL:
      ++(element.get_bool().value_unsafe() ? c.trues : c.falses);
      break;
    case element_type::NULL_VALUE:
      ++c.nulls;
      break;
  }
}

}  // namespace

std::string DomWalk(simdjson::dom::parser& parser, const simdjson::padded_string& json) {
  DomCounts c;
  Walk(parser.parse(json), c);
  return ChecksumBuilder()
      .Add("objects", c.objects)
      .Add("arrays", c.arrays)
      .Add("keys", c.keys)
      .Add("key_bytes", c.key_bytes)
      .Add("strings", c.strings)
      .Add("string_bytes", c.string_bytes)
      .Add("ints", c.ints)
      .Add("int_sum", c.int_sum)
      .Add("floats", c.floats)
      .Add("float_bits", c.float_bits)
      .Add("true", c.trues)
      .Add("false", c.falses)
      .Add("null", c.nulls)
      .str();
}

}  // namespace claimbench::batch
