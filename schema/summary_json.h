#pragma once
// `qbank index --json` and `qbank check --json` output, in the shape of
// schema/index_summary.schema.json and schema/check.schema.json.

#include <string>

#include "qbank/indexer.h"
#include "qbank/maintenance.h"

namespace qbank::schema {

std::string index_summary_to_json(const IndexSummary& summary, int indent = 2);
std::string check_report_to_json(const CheckReport& report, int indent = 2);

}  // namespace qbank::schema
