#include "serve/searcher_pool.h"

#include <algorithm>
#include <utility>

namespace qbank::serve {

// A move to the last commit slower than this waits on something (a shard that
// does not answer), not on the index: it is tried again ten times as late.
// Quicker moves, however slow the machine, keep to the freshness asked for.
constexpr std::chrono::milliseconds kSlowReopen{100};

SearcherPool::SearcherPool(std::string db, SearcherOptions options, std::chrono::milliseconds freshness)
    : db_(std::move(db)), options_(std::move(options)), freshness_(freshness) {
    idle_.push_back({std::make_unique<Searcher>(db_, options_), std::chrono::steady_clock::now() + freshness_});
}

SearcherPool::Lease::~Lease() {
    if (pool_ == nullptr || !idle_.searcher) return;
    std::lock_guard lock(pool_->mutex_);
    pool_->idle_.push_back(std::move(idle_));
}

SearcherPool::Lease SearcherPool::borrow() {
    Idle idle;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            idle = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    using Clock = std::chrono::steady_clock;
    const Clock::time_point begun = Clock::now();
    if (!idle.searcher) {
        idle.searcher = std::make_unique<Searcher>(db_, options_);
    } else if (begun >= idle.reopen_due) {
        // A Searcher that fails to move on is dropped with the exception; the others are untouched.
        idle.searcher->reopen();
    } else {
        return Lease(*this, std::move(idle));
    }
    const Clock::time_point done = Clock::now();
    const Clock::duration took = done - begun;
    idle.reopen_due = done + (took > kSlowReopen ? std::max<Clock::duration>(freshness_, 10 * took) : freshness_);
    return Lease(*this, std::move(idle));
}

}  // namespace qbank::serve
