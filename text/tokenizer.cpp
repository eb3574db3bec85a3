#include "text/tokenizer.h"

#include <xapian.h>

#include <algorithm>
#include <limits>
#include <string_view>

#include "text/fold.h"
#include "text/word_segment.h"

namespace qbank::text {

namespace {

constexpr unsigned kIgnore = std::numeric_limits<unsigned>::max();  // a joiner that adds nothing

// A code point of the folded text, where it starts, and whether a word must
// end before it (an edge of, or a cut inside, a run of unspaced script).
struct CodePoint {
    unsigned c;
    std::size_t at;
    bool cut_before;
    bool skipped;  // unspaced script under Scripts::SpacedOnly: no word
};

bool is_wordchar(const CodePoint& p) {
    if (p.skipped) return false;
    if (p.c < 0x80) return (p.c >= 'a' && p.c <= 'z') || (p.c >= '0' && p.c <= '9') || p.c == '_' || (p.c >= 'A' && p.c <= 'Z');
    return Xapian::Unicode::is_wordchar(p.c);
}

bool is_digit(unsigned c) {
    return c < 0x80 ? (c >= '0' && c <= '9')
                    : Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// The signs operators are made of.
bool is_operator_sign(unsigned c) {
    return c == '=' || c == '!' || c == '<' || c == '>' || c == '&' || c == '|' || c == '?' || c == '.' ||
           c == '+' || c == '-';
}

// Operators people ask about ("== vs ===", "the ?? operator", "=>"): a run of
// signs that spells one is a word of its own. Not "--", "**" or "...", which
// prose and markup use for other things.
bool is_operator(std::string_view run) {
    static constexpr std::string_view kOperators[] = {"==", "===", "!=", "!==", "=>", "??", "?\?=", "?.", "&&",
                                                      "||", "<=", ">=", "<<", ">>", ">>>", "->", "|>", "+=", "-="};
    return std::find(std::begin(kOperators), std::end(kOperators), run) != std::end(kOperators);
}

// Zero-width spaces and joiners inside a word join it and add nothing.
bool is_zero_width(unsigned c) { return c >= 0x200b && (c <= 0x200d || c == 0x2060 || c == 0xfeff); }

// Between two letters: what joins them into one word ("don't", "at&t"); 0 for nothing.
unsigned infix(unsigned c) {
    if (c == '\'' || c == '&' || c == 0xb7 || c == 0x5f4 || c == 0x2027) return c;
    if (c == 0x2019 || c == 0x201b) return '\'';  // typographic apostrophes
    return is_zero_width(c) ? kIgnore : 0;
}

// Between two digits ("3.14", "1,000").
unsigned digit_infix(unsigned c) {
    switch (c) {
        case ',': case '.': case ';': case 0x037e: case 0x0589: case 0x060d: case 0x07f8:
        case 0x2044: case 0xfe10: case 0xfe13: case 0xfe14: return c;
        default: return is_zero_width(c) ? kIgnore : 0;
    }
}

// The folded text as code points, with the cuts that segmentation makes.
std::vector<CodePoint> code_points(const std::string& folded, Scripts scripts) {
    std::vector<CodePoint> points;
    points.reserve(folded.size());
    bool ascii = true;
    for (std::size_t at = 0; at < folded.size();) {
        auto byte = static_cast<unsigned char>(folded[at]);
        if (byte < 0x80) {  // most text: no decoding
            points.push_back({byte, at, false, false});
            ++at;
            continue;
        }
        Xapian::Utf8Iterator it(folded.data() + at, folded.size() - at);
        points.push_back({*it, at, false, false});
        ++it;
        at = static_cast<std::size_t>(it.raw() - folded.data());
        ascii = false;
    }
    if (ascii) return points;
    bool unspaced = false;
    std::size_t run_start = 0;
    auto end_run = [&](std::size_t end) {  // points [run_start, end) are a run of unspaced script
        if (end < points.size()) points[end].cut_before = true;
        points[run_start].cut_before = true;
        if (scripts == Scripts::SpacedOnly) {
            for (std::size_t k = run_start; k < end; ++k) points[k].skipped = true;
            return;
        }
        std::size_t from = points[run_start].at;
        std::size_t to = end < points.size() ? points[end].at : folded.size();
        std::size_t k = run_start;
        for_each_word_break(std::string_view(folded).substr(from, to - from), [&](std::size_t cut) {
            while (k < end && points[k].at < from + cut) ++k;
            if (k < end) points[k].cut_before = true;
        });
    };
    for (std::size_t k = 0; k < points.size(); ++k) {
        bool now = points[k].c >= 0x80 && is_unspaced_script(static_cast<int>(points[k].c), unspaced);
        if (now && !unspaced) run_start = k;
        if (!now && unspaced) end_run(k);
        unspaced = now;
    }
    if (unspaced) end_run(points.size());
    return points;
}

void append_utf8(std::string& out, unsigned c) {
    char buf[4];
    out.append(buf, Xapian::Unicode::to_utf8(c, buf));
}

}  // namespace

void for_each_token(std::string_view text, const std::function<void(const Token&)>& visit, Scripts scripts) {
    FoldedText folded = fold_with_sources(text);
    std::vector<CodePoint> p = code_points(folded.text, scripts);
    const std::size_t n = p.size();
    auto at = [&](std::size_t k) { return k < n ? p[k].at : folded.text.size(); };
    Token token;
    for (std::size_t k = 0; k < n;) {
        if (!is_wordchar(p[k])) {
            std::size_t end = k;
            while (end < n && is_operator_sign(p[end].c)) ++end;
            if (end == k) {
                ++k;
                continue;
            }
            token.term.clear();
            for (std::size_t i = k; i < end; ++i) token.term += static_cast<char>(p[i].c);
            if (is_operator(token.term)) {
                token.begin = folded.source_begin(at(k));
                token.end = folded.source_end(at(end));
                visit(token);
            }
            k = end;
            continue;
        }
        std::size_t start = k;
        std::string& term = token.term;
        term.clear();
        while (true) {
            unsigned previous = 0;
            do {
                // Folded text is lower case already in ASCII (NFKC_Casefold).
                if (p[k].c < 0x80) term += static_cast<char>(p[k].c);
                else append_utf8(term, Xapian::Unicode::tolower(p[k].c));
                previous = p[k].c;
                ++k;
            } while (k < n && !p[k].cut_before && is_wordchar(p[k]));
            // A joiner between two word characters continues the word.
            if (k + 1 >= n || p[k].cut_before || p[k + 1].cut_before || !is_wordchar(p[k + 1])) break;
            unsigned join = is_digit(previous) && is_digit(p[k + 1].c) ? digit_infix(p[k].c) : infix(p[k].c);
            if (join == 0) break;
            if (join != kIgnore) append_utf8(term, join);
            ++k;
        }
        std::size_t word_end = k;
        // "c++", "c#": up to three signs, unless a word follows them ("fish+chips").
        std::size_t length = term.size();
        unsigned signs = 0;
        while (k < n && !p[k].cut_before && (p[k].c == '+' || p[k].c == '#')) {
            if (++signs > 3) {
                term.resize(length);
                break;
            }
            term += static_cast<char>(p[k].c);
            ++k;
        }
        if (k < n && !p[k].cut_before && is_wordchar(p[k])) term.resize(length);
        if (term.size() > length) word_end = k;
        if (term.size() > kMaxWordBytes) continue;
        token.begin = folded.source_begin(at(start));
        token.end = folded.source_end(at(word_end));
        visit(token);
    }
}

std::vector<Token> tokenize(std::string_view text, Scripts scripts) {
    std::vector<Token> tokens;
    for_each_token(text, [&](const Token& t) { tokens.push_back(t); }, scripts);
    return tokens;
}

std::vector<std::string> typed_words(std::string_view text) {
    std::string folded = fold(text);
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::vector<bool> cut_before(folded.size() + 1, false);  // folded text folds to itself: offsets agree
    // Only text in a script written without spaces has words to cut around; ASCII has none.
    if (std::any_of(folded.begin(), folded.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        for_each_token(folded, [&](const Token& t) {
            if (starts_with_unspaced_script(t.term)) cut_before[t.begin] = cut_before[t.end] = true;
        });
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if ((cut_before[i] || blank(folded[i])) && !words.back().empty()) words.emplace_back();
        if (!blank(folded[i])) words.back() += folded[i];
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

}  // namespace qbank::text
