// Counts heap allocations made on a test's client threads by replacing the global operator
// new: every thread except those that set t_not_a_client_thread. It defines the replacement,
// so include it in exactly one source file of a test binary.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

// Counts allocations made on the client threads: every thread except those marked not to count.
namespace {
std::atomic<uint64_t> g_client_allocations{0};
thread_local bool t_not_a_client_thread = false;
}  // namespace

void* operator new(size_t size) {
  if (!t_not_a_client_thread) g_client_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// GCC sees malloc/free inside replaced operator new/delete as a mismatch; it is the replacement.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop
