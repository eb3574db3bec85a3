#include "qbank/json.h"

#include <nlohmann/json.hpp>

#include "schema/problems_json.h"

namespace qbank {

// ordered_json keeps keys in the documented order, which people read more easily.
using json = nlohmann::ordered_json;

std::string index_summary_to_json(const IndexSummary& summary, int indent) {
    json boilerplate = json::array();
    for (const BoilerplateReport& b : summary.boilerplate) boilerplate.push_back({{"text", b.text}, {"pages", b.pages}});
    json j = {{"files", summary.files},
              {"added", summary.added},
              {"updated", summary.updated},
              {"unchanged", summary.unchanged},
              {"removed", summary.removed},
              {"duplicates", summary.duplicates},
              {"ignored", summary.ignored},
              {"problems", schema::problems_to_json(summary.problems)},
              {"boilerplate", std::move(boilerplate)},
              {"seconds", summary.seconds}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string check_report_to_json(const CheckReport& report, int indent) {
    json j = {{"ok", report.ok()},
              {"documents", report.documents},
              {"tables_checked", report.tables_checked},
              {"problems", report.problems}};
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace qbank
