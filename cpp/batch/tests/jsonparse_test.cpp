// json-parse checksums on the hand-made fixtures in data/ (expected values from
// data/expected.py, an independent Python implementation of the README's rules).
#include <gtest/gtest.h>

#include <string>

#include "jsonparse.h"

namespace claimbench::batch {
namespace {

simdjson::padded_string Load(const std::string& name) {
  return simdjson::padded_string::load(std::string(CLAIMBENCH_BATCH_TESTDATA "/") + name).value();
}

TEST(JsonParseTest, TweetsTyped) {
  simdjson::ondemand::parser parser;
  EXPECT_EQ(TweetsTyped(parser, Load("tweets.json")),
            "statuses=3 id_sum=9250393634618998784 user_id_sum=1261589487887679769 text_bytes=145 "
            "counts=4418425633 verified=2 replies=1 hashtags=5 hashtag_bytes=22 indices_sum=247 "
            "max_id=9223372036854775807");
}

TEST(JsonParseTest, GeoTyped) {
  simdjson::ondemand::parser parser;
  EXPECT_EQ(GeoTyped(parser, Load("geo.json")),
            "features=3 rings=3 points=12 coord_bits=14224495921674843862 name_bytes=33");
}

TEST(JsonParseTest, CatalogTyped) {
  simdjson::ondemand::parser parser;
  EXPECT_EQ(CatalogTyped(parser, Load("catalog.json")),
            "events=2 event_id_sum=277172686 event_text_bytes=93 topic_ids=5 performances=2 "
            "price_amount_sum=156750 prices=2 areas=3 block_ids=4 area_names=3 area_name_bytes=58");
}

TEST(JsonParseTest, DomWalkOfEachCorpus) {
  simdjson::dom::parser parser;
  EXPECT_EQ(DomWalk(parser, Load("tweets.json")),
            "objects=18 arrays=13 keys=86 key_bytes=697 strings=36 string_bytes=519 ints=31 "
            "int_sum=1297618289325069643 floats=3 float_bits=4620537456466891636 true=2 false=1 null=4");
  EXPECT_EQ(DomWalk(parser, Load("geo.json")),
            "objects=10 arrays=19 keys=20 key_bytes=135 strings=10 string_bytes=92 ints=0 int_sum=0 "
            "floats=24 float_bits=14224495921674843862 true=0 false=0 null=0");
  EXPECT_EQ(DomWalk(parser, Load("catalog.json")),
            "objects=16 arrays=14 keys=63 key_bytes=529 strings=13 string_bytes=269 ints=28 "
            "int_sum=2751255182684 floats=0 float_bits=0 true=0 false=0 null=11");
}

TEST(JsonParseTest, ReusedParsersGiveTheSameChecksum) {
  simdjson::ondemand::parser ondemand;
  simdjson::dom::parser dom;
  const simdjson::padded_string json = Load("tweets.json");
  const std::string typed = TweetsTyped(ondemand, json);
  const std::string walked = DomWalk(dom, json);
  EXPECT_EQ(TweetsTyped(ondemand, json), typed);
  EXPECT_EQ(DomWalk(dom, json), walked);
}

TEST(JsonParseTest, InputOfTheWrongShapeThrows) {
  simdjson::ondemand::parser ondemand;
  simdjson::dom::parser dom;
  EXPECT_THROW(TweetsTyped(ondemand, Load("geo.json")), simdjson::simdjson_error);
  EXPECT_THROW(GeoTyped(ondemand, simdjson::padded_string(std::string(R"({"features":[{"properties":{"name":1}}]})"))),
               simdjson::simdjson_error);
  EXPECT_THROW(DomWalk(dom, simdjson::padded_string(std::string(R"({"a":[1,2})"))), simdjson::simdjson_error);
}

}  // namespace
}  // namespace claimbench::batch
