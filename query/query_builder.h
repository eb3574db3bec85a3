#pragma once
// Query text and filters -> Xapian query, using the field table in schema/.
// Plain words search every field at its weight; name:word searches one free-text
// field; level:/category:/tag: values are exact filters, matched after folding.
//
// The text is parsed once (query_syntax.h); each step is a function of the tree:
// folding (and cutting Chinese and Japanese into words), dropping stopwords,
// synonyms (one OP_SYNONYM per concept), spelling, which words a match needs
// (filler and, in long queries, common words only add score), relaxing AND to
// OR; and, apart from the query, a bonus for words that stand together. Each
// word or phrase becomes terms through the tokenizer that indexing uses
// (text/tokenizer.h), stemmed as indexed text is.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "qbank/searcher.h"
#include "query/query_syntax.h"
#include "query/synonyms.h"
#include "text/stem.h"

namespace qbank::query {

// The query's tree after the rewrites that need no index: words folded and cut
// like indexed text, stopwords of English and of BCP 47 `language` (the query's)
// dropped (unless they are all there is), synonyms grouped. `operators` (may be
// null) says whether operators or +/- were typed.
QueryNode rewrite_query(const std::string& text, const Synonyms& synonyms, std::string_view language,
                        bool* operators = nullptr);

// The pairs of a nearness bonus (QueryBuilder::nearness), each scaled as in the bonus.
std::vector<Xapian::Query> nearness_pairs(const Xapian::Query& near);

// `query` ranked with the nearness bonus `near` (may be empty) added, pair by
// pair, outside any filter of `query`'s: Xapian 1.4.22 weighs an OR of NEAR and
// PHRASE queries on the optional side of AND_MAYBE, under a filter, as if pairs
// matched whose words are in the page but apart; one AND_MAYBE per pair, with no
// filter above it, weighs each pair right.
Xapian::Query with_nearness(const Xapian::Query& query, const Xapian::Query& near);

class QueryBuilder {
public:
    // `db` and `synonyms` must outlive the builder. Words are stemmed by the rules
    // of BCP 47 `language` (text/stem.h), the language the query is written in, and
    // of each of `index_languages` (languages_of(db), read from `db` when not given).
    // Spelling suggestions come from `spelling` when given (a stub's lexicon, as
    // remote shards keep theirs to themselves), else from `db`.
    QueryBuilder(const Xapian::Database& db, const Synonyms& synonyms,
                 std::string language = std::string(text::kDefaultStemLanguage),
                 std::optional<std::vector<std::string>> index_languages = std::nullopt,
                 const Xapian::Database* spelling = nullptr);
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    // Throws BadInputError for text that cannot be parsed and for a filter on an
    // unknown field or with an impossible value. Filters of one field OR together,
    // of different fields AND. An empty text with no filters matches every
    // document. Words side by side join with `default_op`: AND, or OR to relax a
    // query no document matches in full.
    Xapian::Query build(const std::string& text, const std::vector<Filter>& filters,
                        Xapian::Query::op default_op = Xapian::Query::OP_AND);

    // A bonus to add to build(text, …) with with_nearness(): documents where two
    // words typed side by side stand together ("consistent hashing") rank above
    // those where they are apart ("consistency … hash"). Only plain single words
    // pair, never filler; in a whole question, common words do not either
    // ("coding interview" stands together on most pages). Empty for none.
    Xapian::Query nearness(const std::string& text);

    // The words typed with '*' in the last build() ("clo*") that begin more
    // index words than a search takes: only the commonest were searched.
    const std::vector<std::string>& wide_prefixes() const { return wide_prefixes_; }

    // Whether build(text, …, OP_OR) can match more than OP_AND: two or more words
    // are joined by the default operator.
    bool can_relax(const std::string& text);

    struct Correction {
        std::string text;         // the query with its misspelt words replaced
        bool found_nowhere;       // some replaced word is held by no page in any form
        // Each replaced word has its replacement's stem ("consistant", "consistent"):
        // the corrected query finds what the typed one did, and its words can stand together.
        bool same_stems;
        bool operator==(const Correction&) const = default;
    };
    // The query text with each word the index lacks replaced by the nearest word
    // of the index's spelling data (Xapian's, built at index time), or nullopt
    // when there is nothing to correct. Of several index words as near, the one
    // that stands beside the words typed next to it on the most pages is chosen. Stopwords, synonyms,
    // operators, field names and values, wildcards, and Chinese, Japanese or
    // Korean words are never corrected.
    std::optional<Correction> correct_spelling(const std::string& text);

private:
    Xapian::Query to_xapian(const QueryNode& node, Xapian::Query::op default_op, bool soften) const;
    Xapian::Query sequence(const QueryNode& node, Xapian::Query::op default_op, bool soften) const;
    // How many documents hold a part of a query, as far as its terms tell.
    Xapian::doccount frequency(const Xapian::Query& part) const;
    // The primary language subtags of the index's documents ("en", "pt").
    const std::vector<std::string>& index_languages() const;
    // Past how many documents a word is common (it says little about what is asked).
    double common_frequency() const;
    // How many documents hold a word (an unprefixed term) in any of its forms.
    Xapian::doccount stem_frequency(const std::string& word) const;
    // Words typed side by side, no operator: what a match needs, and what only adds score.
    // `relaxed`: one needed word is enough.
    Xapian::Query required_words(const std::vector<Xapian::Query>& parts, const std::vector<bool>& filler,
                                 bool relaxed) const;
    // A plain word that frames the question rather than names its topic: a filler
    // word, or a word of a set phrase ("front" in "in front of").
    bool is_filler(const QueryNode& node) const;
    // One word or phrase as terms; `positional`: unstemmed, for NEAR and ADJ.
    Xapian::Query term(const QueryNode& node, bool positional = false) const;
    // The index's nearest word to a folded word it lacks; empty when it has it or nothing is near.
    std::string spelling_suggestion(const std::string& word) const;
    // What a misspelt folded word may stand for: the suggestion above, then the
    // other index words one edit away, the commonest first; empty when it is no typo.
    std::vector<std::string> spelling_candidates(const std::string& word) const;
    // Folded words as one phrase (in every field).
    Xapian::Query phrase(const std::string& words) const;
    // How many documents match `query`.
    Xapian::doccount count_matches(const Xapian::Query& query) const;

    Xapian::Database db_;
    const Xapian::Database* spelling_;  // where suggestions come from
    const Synonyms& synonyms_;
    std::string language_;
    mutable std::optional<std::vector<std::string>> index_languages_;  // read on first use when not given
    // Begins work on query `text`: positions from 1, its language as typed.
    void start(const std::string& text);

    std::string text_;  // the query being built, for messages
    // The language `text_` is written in as far as its words tell ("" when they do
    // not): its stopwords and filler apply, beside English's. Stems follow `language_`.
    std::string typed_language_;
    mutable Xapian::termpos next_position_ = 1;
    mutable std::vector<std::string> wide_prefixes_;  // of the last build()
};

}  // namespace qbank::query
