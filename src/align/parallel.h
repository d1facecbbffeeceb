// Runs per-item work of alignment on a few threads (not a public interface).
//
// Items [0, n) are cut into contiguous chunks; worker w handles chunks w, w + threads, ... and
// gets its own index, so it can keep scratch space of its own. Callers write each item's result
// to its own slot, so the output does not depend on thread timing.
#ifndef PARALLAX_ALIGN_PARALLEL_H_
#define PARALLAX_ALIGN_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace parallax::internal {

// The number of workers for `requested` (0: one per core, at most 8).
inline unsigned WorkerCount(int requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  return std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
}

// Calls fn(begin, end, worker) over chunks of [0, n); returns when all are done. An exception
// thrown by fn is rethrown here (the first one, by worker).
template <typename Fn>
void ParallelChunks(std::size_t n, unsigned workers, Fn fn, std::size_t chunk = 256) {
  workers = std::max(1u, workers);
  if (workers == 1 || n <= chunk) {
    fn(std::size_t{0}, n, 0u);
    return;
  }
  std::vector<std::exception_ptr> errors(workers);
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      try {
        for (std::size_t begin = w * chunk; begin < n; begin += workers * chunk) {
          fn(begin, std::min(n, begin + chunk), w);
        }
      } catch (...) {
        errors[w] = std::current_exception();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace parallax::internal

#endif  // PARALLAX_ALIGN_PARALLEL_H_
