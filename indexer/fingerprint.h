#pragma once
// Fingerprints that find the same question scraped twice: an exact hash of the
// normalized content, and a SimHash over word 3-shingles that stays within a
// few bits when a page is re-scraped with small edits or a different banner.

#include <cstdint>

#include "qbank/record.h"

namespace qbank::indexer {

struct Fingerprint {
    std::uint64_t exact = 0;    // XXH3-64 of title, question and section texts, folded
    std::uint64_t simhash = 0;  // 0 when the text is too short for a meaningful SimHash

    bool operator==(const Fingerprint&) const = default;
};

Fingerprint fingerprint(const Record& record);

// Near-duplicates differ in at most this many of the 64 SimHash bits. Measured on
// corpus/ pages: a re-scrape with another banner and two words edited differs in
// 5 bits, 1-5% of words changed in 7-8, 10% in 13; different questions of one
// site's template in 31 or more.
inline constexpr int kNearDuplicateBits = 7;

bool near_duplicates(std::uint64_t a, std::uint64_t b);

}  // namespace qbank::indexer
