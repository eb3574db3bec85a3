#pragma once
// Record -> Xapian document, following schema/fields.h: per field a prefixed
// copy for field:word queries and an unprefixed copy weighted by the field's
// weight for plain queries; boolean terms and packed facet values for level,
// category and tag; the source file's state; the record JSON as document data.
// One builder per thread.

#include <xapian.h>

#include "qbank/record.h"
#include "schema/source_state.h"

namespace qbank::indexer {

class DocumentBuilder {
public:
    DocumentBuilder();

    // `source` (may be null) is remembered so later runs can skip the file if unchanged.
    Xapian::Document build(const Record& record, const schema::SourceState* source);

private:
    Xapian::TermGenerator terms_;
};

}  // namespace qbank::indexer
