#pragma once
// Searchers for the threads that answer requests. A Searcher serves one thread at
// a time, so each request borrows one and gives it back; each moves to the index's
// last commit when lent, at most once per `freshness`, so that a batch job's
// commits show without a restart. A move that takes long (over 100 ms: a stub
// waiting for a shard that does not answer) is not tried again for ten times as
// long; quicker ones keep to `freshness`, 0 included.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "qbank/searcher.h"

namespace qbank::serve {

class SearcherPool {
    struct Idle {
        std::unique_ptr<Searcher> searcher;
        std::chrono::steady_clock::time_point reopen_due;
    };

public:
    // Opens one Searcher at once, so that a bad path fails here: throws as Searcher's constructor.
    SearcherPool(std::string db, SearcherOptions options, std::chrono::milliseconds freshness);

    // A borrowed Searcher, given back when the Lease goes.
    class Lease {
    public:
        Lease(Lease&&) = default;
        ~Lease();
        Searcher& operator*() const { return *idle_.searcher; }
        Searcher* operator->() const { return idle_.searcher.get(); }

    private:
        friend class SearcherPool;
        Lease(SearcherPool& pool, Idle idle) : pool_(&pool), idle_(std::move(idle)) {}
        SearcherPool* pool_;
        Idle idle_;
    };

    // An idle Searcher, or a new one. Throws as Searcher's constructor and reopen().
    Lease borrow();

private:
    std::string db_;
    SearcherOptions options_;
    std::chrono::milliseconds freshness_;
    std::mutex mutex_;
    std::vector<Idle> idle_;
};

}  // namespace qbank::serve
