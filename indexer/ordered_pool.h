#pragma once
// Parallel map with ordered, bounded delivery: work(i) runs for i in [0, n) on
// `threads` threads, and consume(i, result) runs on the calling thread in index
// order. At most `window` results exist at once, so memory stays bounded however
// large n is. An exception from work(i) is rethrown from the consume step of i;
// an exception from consume stops the workers and propagates.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace qbank::indexer {

template <typename Result, typename Work, typename Consume>
void ordered_parallel_for(std::size_t n, unsigned threads, std::size_t window, Work work, Consume consume) {
    if (n == 0) return;
    threads = std::max(1u, threads);
    window = std::max<std::size_t>(window, threads);

    struct Slot {
        std::optional<Result> result;
        std::exception_ptr error;
        bool ready = false;
    };
    std::vector<Slot> slots(window);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next_claim = 0;    // next index a worker takes
    std::size_t next_consume = 0;  // next index the caller hands on
    bool stop = false;

    auto worker = [&] {
        while (true) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || next_claim >= n || next_claim < next_consume + window; });
                if (stop || next_claim >= n) return;
                i = next_claim++;
            }
            Slot done;
            try {
                done.result.emplace(work(i));
            } catch (...) {
                done.error = std::current_exception();
            }
            done.ready = true;
            std::lock_guard lock(mutex);
            slots[i % window] = std::move(done);
            changed.notify_all();
        }
    };

    std::vector<std::thread> pool;
    auto finish = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        for (std::thread& t : pool) t.join();
    };
    try {
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
        for (std::size_t i = 0; i < n; ++i) {
            Slot slot;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return slots[i % window].ready; });
                slot = std::move(slots[i % window]);
                slots[i % window] = Slot{};
                next_consume = i + 1;
            }
            changed.notify_all();
            if (slot.error) std::rethrow_exception(slot.error);
            consume(i, std::move(*slot.result));
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

}  // namespace qbank::indexer
