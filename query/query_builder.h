#pragma once
// Query text and filters -> Xapian query, using the field table in schema/.
// Plain words search every field at its weight; name:word searches one free-text
// field; level:/category:/tag: values are exact filters, matched after folding.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "qbank/searcher.h"
#include "query/synonyms.h"

namespace qbank::query {

class QueryBuilder {
public:
    // `db` and `synonyms` must outlive the builder.
    QueryBuilder(const Xapian::Database& db, const Synonyms& synonyms);
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    // Throws BadInputError for text that cannot be parsed and for a filter on an unknown field or with an impossible value. An empty text with
    // no filters matches every document. Words join with `default_op`: AND, or OR
    // to relax a query no document matches in full.
    Xapian::Query build(const std::string& text, const std::vector<Filter>& filters,
                        Xapian::Query::op default_op = Xapian::Query::OP_AND);

    // The query text (folded) with each word the index lacks replaced by the nearest
    // word of the index's spelling data (Xapian's, built at index time), or nullopt
    // when there is nothing to correct. Stopwords, synonyms, field names and values,
    // and Chinese or Japanese words are never corrected.
    std::optional<std::string> correct_spelling(const std::string& text);

private:
    Xapian::Query parse(const std::string& analyzable, const std::string& text, unsigned flags);
    // The index's nearest word to a folded word it lacks; empty when it has it or nothing is near.
    std::string spelling_suggestion(const std::string& word) const;

    Xapian::Database db_;
    Xapian::QueryParser parser_;
    const Synonyms& synonyms_;
    // Set by the filter field processors while a query is parsed; they hold a reference,
    // so a QueryBuilder is neither copied nor moved.
    std::string filter_error_;
};

// The query text with every word folded (schema/text_fold.h) and cut into words
// like indexed text (schema/text_analysis.h), but the boolean operators (AND, OR,
// NOT, XOR, NEAR, ADJ) left as typed, so they still work.
std::string fold_query_text(const std::string& text);

}  // namespace qbank::query
