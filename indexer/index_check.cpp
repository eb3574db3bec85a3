#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <sstream>

#include "errors/index_errors.h"
#include "qbank/error.h"
#include "qbank/maintenance.h"
#include "schema/facet_values.h"
#include "schema/fields.h"
#include "schema/index_version.h"
#include "schema/source_state.h"
#include "schema/stored_record.h"

namespace qbank {

namespace {

// Problems in what qbank itself stored, document by document.
void check_documents(const Xapian::Database& db, CheckReport& report) {
    const std::string id_prefix(schema::field(schema::FieldId::Id).prefix);
    for (auto docid = db.postlist_begin(""); docid != db.postlist_end(""); ++docid) {
        std::string where = "document " + std::to_string(*docid) + ": ";
        Xapian::Document doc = db.get_document(*docid);
        std::size_t ids = 0;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            t.skip_to(id_prefix);
            if (t == doc.termlist_end() || !(*t).starts_with(id_prefix)) break;
            ++ids;
            if (db.get_termfreq(*t) != 1) report.problems.push_back(where + "id term " + *t + " is shared");
        }
        if (ids != 1) report.problems.push_back(where + std::to_string(ids) + " id terms instead of 1");
        std::string source = doc.get_value(schema::slot_number(schema::Slot::Source));
        if (!source.empty() && !schema::decode_source_states(source))
            report.problems.push_back(where + "source value does not decode");
        for (schema::Slot slot : {schema::Slot::Level, schema::Slot::Category, schema::Slot::Tag, schema::Slot::Lang}) {
            std::string packed = doc.get_value(schema::slot_number(slot));
            if (schema::unpack_facet_values(packed).empty() && !packed.empty())
                report.problems.push_back(where + "facet slot " + std::to_string(schema::slot_number(slot)) +
                                          " does not decode");
        }
        try {
            schema::stored_record(doc);
        } catch (const IndexCorruptError& e) {
            report.problems.push_back(where + "stored record is not valid: " + e.what());
        }
    }
}

}  // namespace

CheckReport check_index(const std::string& path) {
    errors::require_index_folder(path);
    CheckReport report;
    std::ostringstream xapian_out;
    try {
        // A read-only index is not a damaged one: check what can be read.
        report.tables_checked = ::access(path.c_str(), W_OK) == 0;
        std::size_t errors =
            report.tables_checked ? Xapian::Database::check(path, Xapian::DBCHECK_SHORT_TREE, &xapian_out) : 0;
        if (errors > 0) {
            report.problems.push_back("Xapian found " + std::to_string(errors) + " errors in the tables");
            return report;
        }
        Xapian::Database db(path);
        report.documents = db.get_doccount();
        schema::check_schema_version(db, path);
        check_documents(db, report);
    } catch (const Xapian::Error& e) {
        report.problems.push_back(errors::what_went_wrong(e));
    } catch (const Error& e) {
        report.problems.push_back(e.what());
    }
    return report;
}

}  // namespace qbank
