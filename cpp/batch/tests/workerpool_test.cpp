// worker-pool: event validation, the bounded queue, and the pipeline's checksum on
// data/events.jsonl (expected value from data/expected.py) for several pool shapes.
#include <gtest/gtest.h>

#include <fstream>
#include <numeric>
#include <sstream>
#include <thread>

#include "bounded_queue.h"
#include "workerpool.h"

namespace claimbench::batch {
namespace {

std::string Events() {
  std::ifstream file(CLAIMBENCH_BATCH_TESTDATA "/events.jsonl", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

constexpr std::string_view kExpected =
    "valid=9 invalid=19 users=6 value_sum=2123457860 user_hash=5543482008402347182";

TEST(PipelineTest, ChecksumDoesNotDependOnWorkersOrCapacity) {
  const std::string events = Events();
  for (std::size_t workers : {1, 2, 4}) {
    for (std::size_t capacity : {1, 3, 1024}) {
      std::vector<EventDecoder> decoders(workers);
      EXPECT_EQ(RunPipeline(events, decoders, capacity), kExpected) << workers << " workers, capacity " << capacity;
      EXPECT_EQ(RunPipeline(events, decoders, capacity), kExpected) << "decoders reused";
    }
  }
}

TEST(PipelineTest, WithoutFinalNewlineTheLastLineStillCounts) {
  std::string events = Events();
  events.pop_back();
  std::vector<EventDecoder> decoders(2);
  EXPECT_EQ(RunPipeline(events, decoders, 8), kExpected);
  EXPECT_EQ(RunPipeline("", decoders, 8), "valid=0 invalid=0 users=0 value_sum=0 user_hash=0");
}

TEST(EventDecoderTest, AcceptsValidEventsAndUnescapesTheUser) {
  EventDecoder decoder;
  std::optional<Event> event = decoder.Decode(R"({"user":"u-\u00e9","kind":"buy","value":1000000000,"ts":1,"x":[{}]})");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->user, "u-\xc3\xa9");
  EXPECT_EQ(event->value, 1'000'000'000);
}

TEST(EventDecoderTest, RejectsEachKindOfInvalidLine) {
  EventDecoder decoder;
  for (std::string_view line : {
           R"({"kind":"buy","value":1,"ts":1})",
           R"({"user":"","kind":"buy","value":1,"ts":1})",
           R"({"user":"u","kind":"sell","value":1,"ts":1})",
           R"({"user":"u","kind":"buy","value":-1,"ts":1})",
           R"({"user":"u","kind":"buy","value":1000000001,"ts":1})",
           R"({"user":"u","kind":"buy","value":"1","ts":1})",
           R"({"user":"u","kind":"buy","value":1.5,"ts":1})",
           R"({"user":"u","kind":"buy","value":1,"ts":0})",
           R"({"user":"u","kind":"buy","value":1})",
           R"({"user":"u","kind":"buy","value":1,"ts":1} {})",
           R"({"user":"u","kind":"buy","value":1,"ts":1)",
           R"({"user":"u","kind":"bu)",
           R"(["u","buy",1,1])",
           "",
       }) {
    EXPECT_FALSE(decoder.Decode(line)) << line;
  }
}

// A truncated line after a longer one must not read the longer line's bytes from the buffer.
TEST(EventDecoderTest, TruncatedNumberDoesNotReadAStaleBuffer) {
  EventDecoder decoder;
  ASSERT_TRUE(decoder.Decode(R"({"ts":1,"user":"u","kind":"buy","value":123456789})"));
  EXPECT_FALSE(decoder.Decode(R"({"ts":1,"user":"u","kind":"buy","value":12)"));
}

TEST(Fnv1a64Test, KnownValues) {
  EXPECT_EQ(Fnv1a64(""), 14695981039346656037ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(BoundedQueueTest, DeliversEveryItemOnceThenEndsAfterClose) {
  BoundedQueue<int> queue(2);
  std::vector<long> sums(3, 0);
  std::vector<std::thread> consumers;
  for (long& sum : sums) {
    consumers.emplace_back([&queue, &sum] {
      while (std::optional<int> item = queue.Pop()) sum += *item;
    });
  }
  for (int i = 1; i <= 1000; ++i) queue.Push(i);
  queue.Close();
  for (std::thread& consumer : consumers) consumer.join();
  EXPECT_EQ(std::accumulate(sums.begin(), sums.end(), 0L), 500500L);
}

TEST(BoundedQueueTest, CloseLetsConsumersDrainFirst) {
  BoundedQueue<int> queue(4);
  queue.Push(1);
  queue.Push(2);
  queue.Close();
  EXPECT_EQ(queue.Pop(), 1);
  EXPECT_EQ(queue.Pop(), 2);
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

}  // namespace
}  // namespace claimbench::batch
