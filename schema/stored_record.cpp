#include "schema/stored_record.h"

#include "qbank/error.h"
#include "qbank/json.h"

namespace qbank::schema {

Record stored_record(const Xapian::Document& doc) {
    try {
        return record_from_json(doc.get_data());
    } catch (const BadInputError& e) {
        throw IndexCorruptError("stored record of document " + std::to_string(doc.get_docid()) +
                                " is damaged (" + e.what() + "): rebuild the index from its files");
    }
}

}  // namespace qbank::schema
