// RequestRotation: the list (requests, or request alone), where each thread starts, the two
// walks (load and checked) advancing independently, an even spread whatever the mix, and views
// into the options rather than copies.
#include "load/request_rotation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace claimbench::load {
namespace {

ClosedLoopOptions WithRequests(size_t count) {
  ClosedLoopOptions options;
  options.request = "ignored when requests is set";
  for (size_t i = 0; i < count; ++i) options.requests.push_back("GET /" + std::to_string(i) + " HTTP/1.1\r\n\r\n");
  return options;
}

TEST(RequestRotationTest, SingleRequestWhenTheListIsEmpty) {
  ClosedLoopOptions options;
  options.request = "GET / HTTP/1.1\r\n\r\n";
  RequestRotation rotation(options, 1, 2);
  ASSERT_EQ(rotation.size(), 1u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(rotation.Next(false), 0u);
    EXPECT_EQ(rotation.Next(true), 0u);
  }
  EXPECT_EQ(rotation.At(0).data(), options.request.data());  // a view, not a copy
}

TEST(RequestRotationTest, ListReplacesTheRequestAndIsNotCopied) {
  const ClosedLoopOptions options = WithRequests(3);
  RequestRotation rotation(options, 0, 1);
  ASSERT_EQ(rotation.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(rotation.At(i).data(), options.requests[i].data());
}

TEST(RequestRotationTest, ThreadsStartSpreadOverTheList) {
  const ClosedLoopOptions options = WithRequests(10);
  std::vector<size_t> starts;
  for (int t = 0; t < 4; ++t) starts.push_back(RequestRotation(options, t, 4).Next(false));
  EXPECT_EQ(starts, (std::vector<size_t>{0, 2, 5, 7}));
  EXPECT_EQ(RequestRotation(options, 3, 4).Next(true), 7u);
}

TEST(RequestRotationTest, LoadAndCheckedWalksAdvanceIndependentlyAndWrap) {
  const ClosedLoopOptions options = WithRequests(3);
  RequestRotation rotation(options, 0, 1);
  EXPECT_EQ(rotation.Next(false), 0u);
  EXPECT_EQ(rotation.Next(false), 1u);
  EXPECT_EQ(rotation.Next(true), 0u);
  EXPECT_EQ(rotation.Next(false), 2u);
  EXPECT_EQ(rotation.Next(false), 0u);  // wraps
  EXPECT_EQ(rotation.Next(true), 1u);
  EXPECT_EQ(rotation.Next(true), 2u);
  EXPECT_EQ(rotation.Next(true), 0u);
}

// Regression guard for aliasing: with check_every a multiple of the list size and one connection,
// a single walk would send every checked request to the same position; the checked walk covers
// the list, and the total stays even (each walk is off by at most one).
TEST(RequestRotationTest, ChecksCoverTheListWhateverTheirCadence) {
  const ClosedLoopOptions options = WithRequests(4);
  RequestRotation rotation(options, 0, 1);
  std::vector<int> all(4);
  std::vector<int> checked(4);
  for (int n = 1; n <= 4000; ++n) {
    const bool check = n % 8 == 0;  // every 8th request, 8 = 2 x the list size
    const size_t index = rotation.Next(check);
    ++all[index];
    if (check) ++checked[index];
  }
  EXPECT_EQ(checked, (std::vector<int>{125, 125, 125, 125}));
  EXPECT_LE(*std::max_element(all.begin(), all.end()) - *std::min_element(all.begin(), all.end()), 2);
}

}  // namespace
}  // namespace claimbench::load
