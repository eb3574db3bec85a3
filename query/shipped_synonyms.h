#pragma once
// query/synonyms.txt, compiled into the library so that it needs no data files at run time.

#include <string_view>

namespace qbank::query {

extern const std::string_view kShippedSynonyms;

}  // namespace qbank::query
