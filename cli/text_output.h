#pragma once
// Human-readable output of the CLI. JSON output comes from schema/.

#include <ostream>

#include "qbank/format.h"
#include "qbank/record.h"
#include "qbank/searcher.h"

namespace qbank::cli {

struct TextStyle {
    bool bold = false;  // ANSI bold for highlights and titles
};

// Bold only for a terminal, and never when NO_COLOR is set (https://no-color.org).
TextStyle style_for_stdout();

void print_record(std::ostream& out, const Record& record, const TextStyle& style);
// Facets show their `facet_values` commonest values (0: all), and "…" when more came.
void print_search_result(std::ostream& out, const SearchResult& result, const TextStyle& style,
                         std::size_t facet_values = 0);
// Per facet its commonest `top` values with their counts, most first; top 0: every value.
void print_stats(std::ostream& out, const IndexStats& stats, std::size_t top);
// The input formats (qbank/format.h) as a table: name, the files it reads, the records they make.
void print_formats(std::ostream& out);

}  // namespace qbank::cli
