#pragma once
// English words too common to help ranking. Dropped from queries (outside
// "phrases"), never from the index, so phrase searches still match them.

#include <xapian.h>

namespace qbank::query {

// A stopper for query parsers; lives for the whole program.
const Xapian::Stopper* english_stopper();

}  // namespace qbank::query
