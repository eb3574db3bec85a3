#pragma once
// The words a query looks for, as plain index terms ("herd", or the stem "Zherd"),
// each with its weight in the query. Field prefixes are dropped, so "title:herd"
// still marks "herd" in an answer; filter terms (level, tag, ...) are left out.

#include <xapian.h>

#include <bitset>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace qbank::query {

class QueryTerms {
public:
    // `mset` must come from an Enquire running `query` over `documents` documents
    // (it holds the terms' frequencies, which weigh them).
    QueryTerms(const Xapian::Query& query, const Xapian::MSet& mset, Xapian::doccount documents);

    using Match = std::optional<std::pair<std::string, double>>;

    // The query term a word of page text matches (given as its index term,
    // text/tokenizer.h, in text of BCP 47 `language`), with its weight; nullopt for
    // a word the query does not look for. Remembers each word's answer, since the
    // hits of one search repeat their words: one QueryTerms serves one thread.
    const Match& match(const std::string& term, std::string_view language) const;

    // Whether may_match can tell text in BCP 47 `language` that matches nothing:
    // the query has no stems, or the language's stemmer only takes endings off.
    bool can_look_ahead(std::string_view language) const;
    // Given can_look_ahead: false only when no word of `text` can match, as its
    // folded text holds none of the terms' beginnings ("dying" and "die" begin
    // "d"). Far cheaper than the tokenizer: ASCII is compared as it stands.
    bool may_match(std::string_view text) const;

    bool empty() const { return weights_.empty(); }
    // Whether a term is a word of Chinese, Japanese or another script written without spaces.
    bool has_unspaced_script() const { return unspaced_; }

private:
    std::map<std::string, double, std::less<>> weights_;  // plain term -> weight
    // The first bytes of the terms and stems, for words of a language whose stemmer
    // only takes endings off: such a word starting otherwise matches nothing.
    std::bitset<128> first_bytes_;
    // What every word matching a term or stem begins with, folded, whatever ending
    // its stemmer took off: the term, or the stem but its last two letters.
    std::vector<std::string> beginnings_;
    bool stemmed_ = false;  // some term is a stem
    // text::stem_keeps_beginning of the language asked last: the words of one text share it.
    bool keeps_beginning(std::string_view language) const;
    mutable std::optional<std::pair<std::string, bool>> keeps_language_;
    bool unspaced_ = false;
    using Known = std::unordered_map<std::string, Match>;  // term -> its match
    mutable std::map<std::string, Known, std::less<>> known_;  // by language (primary subtag)
};

}  // namespace qbank::query
