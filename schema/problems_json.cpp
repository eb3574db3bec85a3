#include "schema/problems_json.h"

namespace qbank::schema {

nlohmann::ordered_json problems_to_json(const std::vector<Diagnostic>& problems) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Diagnostic& d : problems) {
        nlohmann::ordered_json row = {{"path", d.path}};
        if (d.line > 0) row["line"] = d.line;
        row["message"] = d.message;
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace qbank::schema
