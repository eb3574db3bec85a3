#include "indexer/document_builder.h"

#include "indexer/document_catalog.h"
#include "qbank/json.h"
#include "schema/facet_values.h"
#include "schema/fields.h"
#include "schema/text_analysis.h"

namespace qbank::indexer {

using schema::FieldId;

namespace {

void add_filter_term(Xapian::Document& doc, FieldId field, std::string_view value) {
    if (auto term = schema::filter_term(field, value)) doc.add_boolean_term(*term);
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    terms_.set_stemmer(Xapian::Stem(schema::kStemLanguage));
    terms_.set_stemming_strategy(schema::kIndexStemStrategy);
}

// Words of one field: once under the field's prefix, once unprefixed with the field's weight.
void DocumentBuilder::index_text(FieldId id, const std::string& text) {
    if (text.empty()) return;
    const schema::Field& field = schema::field(id);
    std::string analyzable = schema::analyzable_text(text);
    if (field.kind == schema::FieldKind::FreeText) terms_.index_text(analyzable, 1, std::string(field.prefix));
    if (field.weight > 0) terms_.index_text(analyzable, field.weight);
    terms_.increase_termpos(schema::kFieldGap);
}

Xapian::Document DocumentBuilder::build(const Record& record) {
    Xapian::Document doc;
    terms_.set_document(doc);
    doc.add_boolean_term(schema::id_term(record.id));

    index_text(FieldId::Title, record.title);
    index_text(FieldId::Question, record.question);
    for (const std::string& tag : record.tags) {
        index_text(FieldId::Tag, tag);
        add_filter_term(doc, FieldId::Tag, tag);
    }
    if (record.category) {
        index_text(FieldId::Category, *record.category);
        add_filter_term(doc, FieldId::Category, *record.category);
    }
    for (const Section& section : record.sections) {
        index_text(FieldId::Heading, section.heading);
        index_text(FieldId::Answer, section.text);
    }

    std::vector<std::string> level_names;
    for (Level level : record.levels_addressed()) {
        level_names.emplace_back(to_string(level));
        add_filter_term(doc, FieldId::Level, level_names.back());
    }
    doc.add_value(schema::slot_number(schema::Slot::Level), schema::pack_facet_values(level_names));
    if (record.category)
        doc.add_value(schema::slot_number(schema::Slot::Category),
                      schema::pack_facet_values({*record.category}));
    doc.add_value(schema::slot_number(schema::Slot::Tag), schema::pack_facet_values(record.tags));
    // "pt-BR" is found by lang:pt-BR and by lang:pt.
    if (!record.lang.empty()) {
        add_filter_term(doc, FieldId::Lang, record.lang);
        if (std::size_t dash = record.lang.find('-'); dash != std::string::npos)
            add_filter_term(doc, FieldId::Lang, record.lang.substr(0, dash));
        doc.add_value(schema::slot_number(schema::Slot::Lang), schema::pack_facet_values({record.lang}));
    }

    doc.set_data(record_to_json(record));
    // The generator holds a reference to its document; Xapian's reference counts are
    // not atomic, and the document is about to move to the writer thread.
    terms_.set_document(Xapian::Document());
    return doc;
}

void set_file_values(Xapian::Document& doc, const std::vector<schema::SourceState>& sources, const Fingerprint& fp) {
    doc.add_value(schema::slot_number(schema::Slot::Source), schema::encode_source_states(sources));
    doc.add_value(schema::slot_number(schema::Slot::Fingerprint), encode_fingerprint(fp));
}

}  // namespace qbank::indexer
