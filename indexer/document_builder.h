#pragma once
// Record -> Xapian document, following schema/fields.h: per field a prefixed
// copy for field:word queries and an unprefixed copy weighted by the field's
// weight for plain queries; boolean terms and packed facet values for level,
// category, tag and lang; the record JSON as document data.

#include <xapian.h>

#include "indexer/fingerprint.h"
#include "qbank/record.h"
#include "schema/fields.h"
#include "schema/source_state.h"

namespace qbank::indexer {

// `sources`: the document's sources when it has several; their facets join the
// record's in filter terms and facet values (a merged duplicate's category). Thread-safe.
Xapian::Document build_document(const Record& record, const std::vector<schema::SourceState>& sources = {});

// The values hits are sorted by (SortBy Level and Source); build_document sets them,
// and again whoever changes the record's source after.
void set_sort_values(Xapian::Document& doc, const Record& record);

// What a record says about its document's facets, as kept in its source's state.
schema::SourceFacets facets_of(const Record& record);

// What lets later runs skip unchanged files and find duplicates (Slots Source and
// Fingerprint); set on documents built from files.
void set_file_values(Xapian::Document& doc, const std::vector<schema::SourceState>& sources, const Fingerprint& fp);

}  // namespace qbank::indexer
