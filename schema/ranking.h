#pragma once
// Ranking parameters: BM25 over the field-weighted terms of fields.h. Tuned on
// the judged queries in bench/relevance/ (bench/relevance.py --tune); the figures
// and reasons are in bench/README.md.

namespace qbank::schema {

struct Bm25Params {
    double k1;           // how fast repeated words stop adding score
    double k2;           // query-length correction (0: off)
    double k3;           // repeated query words
    double b;            // how much long documents are penalized
    double min_normlen;  // floor on the length normalization
};

inline constexpr Bm25Params kBm25{2.0, 0.0, 1.0, 0.3, 0.5};

// How much a filler word of a question ("would", "hey", "instead") adds where a
// page holds it, as a share of what a word of its content adds: it says little
// about what is asked (query/stopwords.h).
inline constexpr double kFillerWeight = 0.25;

// How much two query words standing together in a document add, as a share of
// what the two words score (query/query_builder.h).
inline constexpr double kNearnessWeight = 0.5;

}  // namespace qbank::schema
