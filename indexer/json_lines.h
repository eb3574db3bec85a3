#pragma once
// JSON Lines exported by other tools -> records, one per line, in the shape of
// schema/record.schema.json. The fields the indexer owns (source, removed,
// duplicates, other_titles) may be left out and are ignored; so may id (then the record's id
// comes from its file and title), tags, sections, category and level. A line
// that is not such a record is reported with its number and skipped; the other
// lines still count. Pure.

#include <string>
#include <string_view>
#include <vector>

#include "indexer/file_records.h"

namespace qbank::indexer {

// Ends the message of every skipped line, for a person running `qbank index`.
inline constexpr std::string_view kSkippedLineAdvice = "; line skipped, fix it and index again";

// A record's id: as the line gave it, or empty; its fragment: that id, else the
// title's anchor. One problem per line skipped.
FileRecords read_json_lines(std::string_view bytes, const std::string& source);

}  // namespace qbank::indexer
