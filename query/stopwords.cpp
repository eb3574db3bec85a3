#include "query/stopwords.h"

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

}  // namespace qbank::query
