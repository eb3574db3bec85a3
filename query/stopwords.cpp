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
    // "thanks"), and the rest of Snowball's English stop list (pronouns,
    // negations, "up", "over"): none is what it is about. Reflexive pronouns
    // are left out: they name whom a question is about ("tell me about yourself").
    static constexpr std::array<std::string_view, 177> kWords = {
        "about", "above", "actually", "after", "again", "against", "all", "also", "am", "any", "anybody",
        "anyone", "anything", "aren't", "basically", "because", "been", "before", "being", "below", "best",
        "better", "between", "both", "but", "can", "can't", "cannot", "could", "couldn't", "currently",
        "describe", "didn't", "difference", "differences", "doesn't", "doing", "don't",
        "down", "during", "each", "else", "even", "ever", "exactly", "explain", "few", "further", "get",
        "getting", "gonna", "good", "guys", "hadn't", "hasn't", "haven't", "having", "he", "he'd", "he'll",
        "he's", "hello", "her", "here", "here's", "hers", "hey", "hi", "him", "his",
        "how's", "hows", "i'd", "i'll", "i'm", "i've", "if", "im", "instead", "into", "isn't", "it's",
        "just", "kinda", "let's", "like", "might", "more", "most", "much", "must", "mustn't", "need",
        "no", "nor", "not", "off", "ok", "okay", "once", "one", "only", "other", "ought", "ours",
        "out", "over", "own", "please", "really", "same", "shall", "shan't", "she", "she'd", "she'll", "she's",
        "should", "shouldn't", "so", "some", "someone", "such", "than", "thanks", "that's", "theirs",
        "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've",
        "those", "through", "too", "under", "until", "up", "use", "using", "usually", "versus", "very", "vs",
        "wanna", "want", "wasn't", "way", "we'd", "we'll", "we're", "we've", "weren't", "what's", "whats",
        "when's", "where's", "while", "who's", "whom", "why's", "won't", "would", "wouldn't", "you'd", "you'll",
        "you're", "you've", "yours",
    };
    return std::binary_search(kWords.begin(), kWords.end(), word);
}

}  // namespace qbank::query
