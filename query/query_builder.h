#pragma once
// Query text and filters -> Xapian query, using the field table in schema/.
// Plain words search every field at its weight; name:word searches one free-text
// field; level:/category:/tag: values are exact filters, matched after folding.

#include <xapian.h>

#include <string>
#include <vector>

#include "qbank/searcher.h"

namespace qbank::query {

class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& db);
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    // Throws Error: InvalidQuery for text that cannot be parsed, InvalidArgument for
    // a filter on an unknown field or with an impossible value. An empty text with
    // no filters matches every document.
    Xapian::Query build(const std::string& text, const std::vector<Filter>& filters);

private:
    Xapian::QueryParser parser_;
    // Set by the filter field processors while a query is parsed; they hold a reference,
    // so a QueryBuilder is neither copied nor moved.
    std::string filter_error_;
};

// The query text with every word folded (schema/text_fold.h) but the boolean
// operators (AND, OR, NOT, XOR, NEAR, ADJ) left as typed, so they still work.
std::string fold_query_text(const std::string& text);

}  // namespace qbank::query
