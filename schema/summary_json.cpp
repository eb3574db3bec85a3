#include "qbank/json.h"

#include <nlohmann/json.hpp>

namespace qbank {

// ordered_json keeps keys in the documented order, which people read more easily.
using json = nlohmann::ordered_json;

std::string index_summary_to_json(const IndexSummary& summary, int indent) {
    json skipped = json::array();
    for (const Diagnostic& d : summary.skipped) {
        json row = {{"path", d.path}, {"reason", d.message}};
        if (d.line > 0) row["line"] = d.line;
        skipped.push_back(std::move(row));
    }
    json boilerplate = json::array();
    for (const BoilerplateReport& b : summary.boilerplate) boilerplate.push_back({{"text", b.text}, {"pages", b.pages}});
    json j = {{"files", summary.files},
              {"added", summary.added},
              {"updated", summary.updated},
              {"unchanged", summary.unchanged},
              {"removed", summary.removed},
              {"duplicates", summary.duplicates},
              {"ignored", summary.ignored},
              {"skipped", std::move(skipped)},
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
