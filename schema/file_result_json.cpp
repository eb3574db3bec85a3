#include <nlohmann/json.hpp>

#include "qbank/json.h"
#include "schema/problems_json.h"

namespace qbank {

std::string file_result_to_json(const FileResult& file, int indent) {
    nlohmann::ordered_json records = nlohmann::ordered_json::array();
    for (const Record& record : file.records) records.push_back(nlohmann::ordered_json::parse(record_to_json(record)));
    nlohmann::ordered_json j = {{"records", std::move(records)}, {"problems", schema::problems_to_json(file.problems)}};
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace qbank
