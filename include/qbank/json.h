#pragma once
// qbank's values as JSON text, in the shapes of the JSON Schemas installed in
// share/qbank/schema (record, search, stats, index_summary, check, file_result): what the
// command line prints with --json and the C API returns. Pure functions; safe
// from any number of threads.

#include <string>
#include <string_view>

#include "qbank/export.h"
#include "qbank/indexer.h"
#include "qbank/maintenance.h"
#include "qbank/record.h"
#include "qbank/searcher.h"

namespace qbank {

// Compact JSON when indent < 0, else pretty-printed with that indent. Invalid
// UTF-8 (never in records qbank made) is written as U+FFFD.
QBANK_API std::string record_to_json(const Record& record, int indent = -1);

// The inverse of record_to_json (record.schema.json).
// Throws BadInputError naming what is missing or wrong.
QBANK_API Record record_from_json(std::string_view json);

// The result as `request` asked for it: the hit fields it names (SearchRequest::fields),
// its highlight tags, and each hit's explanation as "explain" when it asked for that.
// Throws BadInputError for an unknown field name.
QBANK_API std::string search_result_to_json(const SearchResult& result, const SearchRequest& request = {},
                                            int indent = 2);
QBANK_API std::string stats_to_json(const IndexStats& stats, int indent = 2);
QBANK_API std::string index_summary_to_json(const IndexSummary& summary, int indent = 2);
QBANK_API std::string check_report_to_json(const CheckReport& report, int indent = 2);
// The records of one file and its problems (file_result.schema.json).
QBANK_API std::string file_result_to_json(const FileResult& file, int indent = -1);

// The excerpt as HTML text: everything escaped, highlights between `open` and `close`
// (written as they are).
QBANK_API std::string excerpt_to_html(const Excerpt& excerpt, std::string_view open = "<mark>",
                                      std::string_view close = "</mark>");

}  // namespace qbank
