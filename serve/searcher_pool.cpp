#include "serve/searcher_pool.h"

#include <utility>

namespace qbank::serve {

SearcherPool::SearcherPool(std::string db, SearcherOptions options, std::chrono::milliseconds freshness)
    : db_(std::move(db)), options_(std::move(options)), freshness_(freshness) {
    idle_.push_back({std::make_unique<Searcher>(db_, options_), std::chrono::steady_clock::now()});
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
    auto now = std::chrono::steady_clock::now();
    if (!idle.searcher) {
        idle = {std::make_unique<Searcher>(db_, options_), now};
    } else if (now - idle.reopened >= freshness_) {
        // A Searcher that fails to move on is dropped with the exception; the others are untouched.
        idle.searcher->reopen();
        idle.reopened = now;
    }
    return Lease(*this, std::move(idle));
}

}  // namespace qbank::serve
