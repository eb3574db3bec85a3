#pragma once
// Record -> Xapian document, following schema/fields.h: per field a prefixed
// copy for field:word queries and an unprefixed copy weighted by the field's
// weight for plain queries; boolean terms and packed facet values for level,
// category and tag; the record JSON as document data.

#include <xapian.h>

#include "qbank/record.h"

namespace qbank::indexer {

class DocumentBuilder {
public:
    DocumentBuilder();

    Xapian::Document build(const Record& record);

private:
    Xapian::TermGenerator terms_;
};

}  // namespace qbank::indexer
