#pragma once
// A one-line progress display for `qbank index` on a terminal's stderr:
// files, megabytes, rate and time left, redrawn at most ten times a second.

#include <chrono>
#include <cstdio>

#include "qbank/indexer.h"

namespace qbank::cli {

class ProgressBar {
public:
    explicit ProgressBar(std::FILE* out) : out_(out), started_(std::chrono::steady_clock::now()) {}
    ~ProgressBar() { clear(); }
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(const IndexProgress& progress);
    void clear();  // erases the line, so the summary starts on a clean one

private:
    std::FILE* out_;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_{};
    bool drawn_ = false;
};

}  // namespace qbank::cli
