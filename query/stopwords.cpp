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
    // Sorted, for binary search. Modal verbs, conjunctions, comparison words, the
    // verbs and adverbs people wrap a question in, the frame of an interview
    // question ("explain", "difference between") and the chat around it ("hey",
    // "thanks"): none is what it is about.
    static constexpr std::array<std::string_view, 92> kWords = {
        "about", "actually", "after", "again", "all", "also", "am", "any", "anybody",
        "anyone", "anything", "basically", "because", "before", "best", "better", "between", "both",
        "but", "can", "could", "currently", "describe", "difference", "differences", "during", "each",
        "else", "even", "ever", "exactly", "explain", "further", "get", "getting", "gonna",
        "good", "guys", "hello", "here", "hey", "hi", "how's", "hows", "i'm",
        "if", "im", "instead", "into", "just", "kinda", "like", "might", "more",
        "most", "much", "must", "need", "not", "ok", "okay", "one", "only",
        "other", "own", "please", "really", "same", "shall", "should", "so", "some",
        "someone", "such", "than", "thanks", "then", "there", "too", "use", "using",
        "usually", "versus", "very", "vs", "wanna", "want", "way", "what's", "whats",
        "while", "would",
    };
    return std::binary_search(kWords.begin(), kWords.end(), word);
}

}  // namespace qbank::query
