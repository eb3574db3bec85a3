#include "cli/progress_bar.h"

#include <string>

namespace qbank::cli {

namespace {

constexpr int kBarWidth = 24;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

std::string duration_text(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
    return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

}  // namespace

void ProgressBar::update(const IndexProgress& p) {
    auto now = std::chrono::steady_clock::now();
    bool last = p.files_done == p.files_total;
    if (!last && now - last_draw_ < kRedrawEvery) return;
    last_draw_ = now;
    double elapsed = std::chrono::duration<double>(now - started_).count();
    double fraction = p.files_total == 0 ? 1.0 : static_cast<double>(p.files_done) / static_cast<double>(p.files_total);
    int filled = static_cast<int>(fraction * kBarWidth);
    double rate = elapsed > 0 ? static_cast<double>(p.files_done) / elapsed : 0;
    std::string eta = rate > 0 && !last ? ", " + duration_text(static_cast<double>(p.files_total - p.files_done) / rate) + " left" : "";
    std::fprintf(out_, "\r\x1b[2K[%s%s] %zu/%zu files, %.1f MB, %.0f files/s%s", std::string(filled, '=').c_str(),
                 std::string(kBarWidth - filled, ' ').c_str(), p.files_done, p.files_total,
                 static_cast<double>(p.bytes_done) / 1e6, rate, eta.c_str());
    std::fflush(out_);
    drawn_ = true;
}

void ProgressBar::clear() {
    if (!drawn_) return;
    std::fputs("\r\x1b[2K", out_);
    std::fflush(out_);
    drawn_ = false;
}

}  // namespace qbank::cli
