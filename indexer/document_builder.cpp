#include "indexer/document_builder.h"

#include "indexer/document_catalog.h"
#include "schema/facet_values.h"
#include "schema/field_terms.h"
#include "schema/field_text.h"
#include "schema/fields.h"
#include "schema/stored_record.h"

namespace qbank::indexer {

using schema::FieldId;

namespace {

void add_filter_term(Xapian::Document& doc, FieldId field, std::string_view value) {
    if (auto term = schema::filter_term(field, value)) doc.add_boolean_term(*term);
}

// A filter term per value, and the values packed in the field's facet slot.
void add_facet(Xapian::Document& doc, FieldId field, schema::Slot slot, const std::vector<std::string>& values) {
    for (const std::string& value : values) add_filter_term(doc, field, value);
    doc.add_value(schema::slot_number(slot), schema::pack_facet_values(values));
}

}  // namespace

namespace {

// The terms of each field's text, the fields' words numbered on from one field to the next.
void add_field_texts(Xapian::Document& doc, const Record& record) {
    Xapian::termpos next = 1;
    schema::for_each_field_text(record, [&](FieldId field, const std::string& text) {
        if (text.empty()) return;
        std::size_t words = schema::for_each_field_term(
            field, text, record.lang, [&](const std::string& term, Xapian::termcount wdf, std::size_t word) {
                if (word == schema::kNoPosition) doc.add_term(term, wdf);
                else doc.add_posting(term, next + static_cast<Xapian::termpos>(word), wdf);
            });
        next += static_cast<Xapian::termpos>(words) + schema::kFieldGap;
    });
}

}  // namespace

schema::SourceFacets facets_of(const Record& record) {
    schema::SourceFacets f{record.lang, record.category.value_or(""), {}, record.tags};
    for (Level level : record.levels_addressed()) f.levels.emplace_back(to_string(level));
    return f;
}

Xapian::Document build_document(const Record& record, const std::vector<schema::SourceState>& sources) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::id_term(record.id));
    add_field_texts(doc, record);

    // Filters and facets: the record's own values first (they name the facet values), then other sources'.
    std::vector<std::string> levels, categories, tags, langs;
    auto gather = [&](const schema::SourceFacets& f) {
        levels.insert(levels.end(), f.levels.begin(), f.levels.end());
        if (!f.category.empty()) categories.push_back(f.category);
        tags.insert(tags.end(), f.tags.begin(), f.tags.end());
        if (!f.lang.empty()) langs.push_back(f.lang);
    };
    gather(facets_of(record));
    for (const schema::SourceState& source : sources) gather(source.facets);
    add_facet(doc, FieldId::Level, schema::Slot::Level, levels);
    add_facet(doc, FieldId::Category, schema::Slot::Category, categories);
    add_facet(doc, FieldId::Tag, schema::Slot::Tag, tags);
    add_facet(doc, FieldId::Lang, schema::Slot::Lang, langs);
    // "pt-BR" is found by lang:pt-BR and by lang:pt.
    for (const std::string& lang : langs)
        if (std::size_t dash = lang.find('-'); dash != std::string::npos)
            add_filter_term(doc, FieldId::Lang, lang.substr(0, dash));

    doc.set_data(schema::stored_record_data(record));
    set_sort_values(doc, record);
    return doc;
}

void set_sort_values(Xapian::Document& doc, const Record& record) {
    std::vector<Level> levels = record.levels_addressed();  // in order, lowest first
    if (!levels.empty())
        doc.add_value(schema::slot_number(schema::Slot::LevelOrder),
                      std::string(1, static_cast<char>('0' + static_cast<int>(levels.front()))));
    doc.add_value(schema::slot_number(schema::Slot::SourceOrder), record.source);
}

void set_file_values(Xapian::Document& doc, const std::vector<schema::SourceState>& sources, const Fingerprint& fp) {
    doc.add_value(schema::slot_number(schema::Slot::Source), schema::encode_source_states(sources));
    doc.add_value(schema::slot_number(schema::Slot::Fingerprint), encode_fingerprint(fp));
}

}  // namespace qbank::indexer
