#pragma once
// The C API's inputs, given as JSON objects, read into the C++ API's option and
// request types. Keys are named as the fields are; unknown keys and values of the
// wrong type throw BadInputError naming the key. Empty text or "null": defaults.

#include <string_view>

#include "qbank/indexer.h"
#include "qbank/searcher.h"

namespace qbank::capi {

IndexOptions index_options_from_json(std::string_view text);
SearcherOptions searcher_options_from_json(std::string_view text);
// "query" is required; "filters" are "FIELD:VALUE" strings.
SearchRequest search_request_from_json(std::string_view text);

}  // namespace qbank::capi
