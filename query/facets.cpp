#include "query/facets.h"

#include "schema/facet_values.h"

namespace qbank::query {

void PackedValueCountSpy::operator()(const Xapian::Document& doc, double) {
    for (std::string& value : schema::unpack_facet_values(doc.get_value(schema::slot_number(slot_))))
        ++counts_[std::move(value)];
}

}  // namespace qbank::query
