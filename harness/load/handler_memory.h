// Dedicated memory for the asynchronous operations of one object (a connection's connect, write
// and read; the open loop's send timer), after Asio's "allocation" example. Asio otherwise takes
// an operation's memory from a per-thread cache of one block, which holds only while a thread
// has a constant number of operations outstanding (the closed loop); the open loop's timer wakes
// and its varying number of requests in flight would miss that cache and allocate per request.
// One block per object, reused for its one outstanding operation at a time; a second concurrent
// operation (e.g. a cancelled one not yet reaped) falls back to the heap.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include <boost/asio/associated_allocator.hpp>

namespace claimbench::load {

class HandlerMemory {
 public:
  static constexpr size_t kBlockBytes = 512;

  HandlerMemory() = default;
  HandlerMemory(const HandlerMemory&) = delete;
  HandlerMemory& operator=(const HandlerMemory&) = delete;

  void* Allocate(size_t size) {
    if (!in_use_ && size <= kBlockBytes) {
      in_use_ = true;
      return &block_;
    }
    return ::operator new(size);
  }
  void Deallocate(void* pointer) {
    if (pointer == &block_) {
      in_use_ = false;
    } else {
      ::operator delete(pointer);
    }
  }

 private:
  alignas(std::max_align_t) unsigned char block_[kBlockBytes];
  bool in_use_ = false;
};

/// A standard allocator over a HandlerMemory, found by Asio as the handler's associated allocator.
template <typename T>
class HandlerAllocator {
 public:
  using value_type = T;

  explicit HandlerAllocator(HandlerMemory& memory) noexcept : memory_(&memory) {}
  template <typename U>
  HandlerAllocator(const HandlerAllocator<U>& other) noexcept : memory_(other.memory_) {}

  T* allocate(size_t n) { return static_cast<T*>(memory_->Allocate(sizeof(T) * n)); }
  void deallocate(T* pointer, size_t /*n*/) { memory_->Deallocate(pointer); }

  template <typename U>
  bool operator==(const HandlerAllocator<U>& other) const noexcept {
    return memory_ == other.memory_;
  }

 private:
  template <typename>
  friend class HandlerAllocator;
  HandlerMemory* memory_;
};

/// A completion handler that carries a HandlerAllocator (Boost 1.74 has no bind_allocator).
template <typename Handler>
class HandlerWithMemory {
 public:
  using allocator_type = HandlerAllocator<Handler>;

  HandlerWithMemory(HandlerMemory& memory, Handler handler) : memory_(memory), handler_(std::move(handler)) {}

  allocator_type get_allocator() const noexcept { return allocator_type(memory_); }

  template <typename... Args>
  void operator()(Args&&... args) {
    handler_(std::forward<Args>(args)...);
  }

 private:
  HandlerMemory& memory_;
  Handler handler_;
};

template <typename Handler>
HandlerWithMemory<std::decay_t<Handler>> WithMemory(HandlerMemory& memory, Handler&& handler) {
  return HandlerWithMemory<std::decay_t<Handler>>(memory, std::forward<Handler>(handler));
}

}  // namespace claimbench::load
