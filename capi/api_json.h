#pragma once
// The JSON the C API (include/qbank.h) takes and gives beyond the shared output
// shapes of qbank/json.h: options and requests read into the C++ API's types,
// and a file's normalized records. Input keys are named as the fields are;
// unknown keys and values of the wrong type throw BadInputError naming the key;
// empty text or "null" means the defaults.

#include <string>
#include <string_view>

#include "qbank/indexer.h"
#include "qbank/page.h"
#include "qbank/searcher.h"

namespace qbank::capi {

IndexOptions index_options_from_json(std::string_view text);
SearcherOptions searcher_options_from_json(std::string_view text);
// "query" is required; "filters" are "FIELD:VALUE" strings.
SearchRequest search_request_from_json(std::string_view text);

// A format by the name format.h's to_string gives it; throws BadInputError naming the choices.
Format format_from_name(std::string_view name);

// A record the C API is given: one JSON object in the shape of a JSON Lines line
// (indexer/json_lines.h), as that one line, and the "source" it names (else
// `default_source`). Throws BadInputError when the text is not a JSON object.
struct ApiRecord {
    std::string line;
    std::string source;
};
ApiRecord api_record_from_json(std::string_view text, const std::string& default_source);

}  // namespace qbank::capi
