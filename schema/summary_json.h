#pragma once
// `qbank index --json` output, in the shape of schema/index_summary.schema.json.

#include <string>

#include "qbank/indexer.h"

namespace qbank::schema {

std::string index_summary_to_json(const IndexSummary& summary, int indent = 2);

}  // namespace qbank::schema
