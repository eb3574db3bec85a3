#pragma once
// A query matching every document, made fresh for each use.
//
// Xapian::Query::MatchAll is one object shared by the whole process, and Xapian 1.4
// counts the references to it without atomics: Searchers copying it in several
// threads at once corrupt the count and free it while it is in use. An empty term
// matches every document just the same.

#include <xapian.h>

#include <string>

namespace qbank::query {

inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

}  // namespace qbank::query
