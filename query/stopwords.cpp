#include "query/stopwords.h"

#include <algorithm>
#include <array>

namespace qbank::query {

const Xapian::Stopper* english_stopper() {
    static const char* const kWords[] = {
        "a",    "an",   "and",   "are",  "as",    "at",   "be",   "by",   "did",  "do",    "does",
        "for",  "from", "had",   "has",  "have",  "how",  "i",    "in",   "is",   "it",    "its",
        "me",   "my",   "of",    "on",   "or",    "our",  "that", "the",  "their", "them", "this",
        "to",   "was",  "we",    "were", "what",  "when", "where", "which", "who", "why",  "will",
        "with", "you",  "your",
    };
    static const Xapian::SimpleStopper stopper(std::begin(kWords), std::end(kWords));
    return &stopper;
}

bool is_filler_word(std::string_view word) {
    // Sorted, for binary search. Modal verbs, conjunctions, comparison words, and
    // the verbs and adverbs people wrap a question in: none is what it is about.
    static constexpr std::array<std::string_view, 65> kWords = {
        "about",   "actually", "after",   "again",   "all",     "also",    "am",      "any",     "anyone",  "because",
        "before",  "best",    "better",  "both",    "but",     "can",     "could",   "currently", "during",  "each",
        "else",    "ever",    "exactly", "further", "get",     "getting", "good",    "here",    "if",      "instead",
        "into",    "just",    "like",    "might",   "more",    "most",    "much",    "must",    "need",    "not",
        "one",     "only",    "other",   "own",     "really",  "same",    "shall",   "should",  "so",      "some",
        "such",    "than",    "then",    "there",   "too",     "use",     "using",   "usually", "versus",  "very",
        "vs",      "want",    "way",     "while",   "would",
    };
    return std::binary_search(kWords.begin(), kWords.end(), word);
}

}  // namespace qbank::query
