// The requests one client thread sends, in rotation (ClosedLoopOptions::requests): two walks over
// one list of views into the options, one for the requests whose response will be checked and
// one for the others, so that both the load and the checks cover the whole list evenly. Picking
// the next request is two index updates: nothing is copied or allocated per request.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "load/closed_loop.h"

namespace claimbench::load {

class RequestRotation {
 public:
  /// The list is options.requests, or options.request alone when that is empty; `options` must
  /// outlive the rotation. Both walks start at position thread * size / threads, so that the
  /// threads start spread over the list.
  RequestRotation(const ClosedLoopOptions& options, int thread, int threads);

  /// Position of the next request to send, then advances: the check walk when `checked` (its
  /// response will be passed to the response check), else the load walk.
  size_t Next(bool checked) { return checked ? Advance(next_checked_) : Advance(next_); }
  /// The bytes of the request at `index` (< size()).
  std::string_view At(size_t index) const { return requests_[index]; }
  size_t size() const { return requests_.size(); }

 private:
  size_t Advance(size_t& cursor) {
    const size_t index = cursor;
    cursor = index + 1 == requests_.size() ? 0 : index + 1;
    return index;
  }

  std::vector<std::string_view> requests_;
  size_t next_ = 0;
  size_t next_checked_ = 0;
};

}  // namespace claimbench::load
