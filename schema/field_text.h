#pragma once
// The one walk from a record to the text of its fields, in schema order: the
// indexer makes each field's terms from it, and explain finds from it which
// fields hold a matched term, so a field added here is in both.

#include "qbank/record.h"
#include "schema/fields.h"

namespace qbank::schema {

// Calls visit(FieldId, const std::string& text) for every text of `record`:
// title and other titles (Title), question, each tag, the category, and each
// section's heading and text (Heading, Answer). Levels and the language are
// values, not text: they are filters only.
template <typename Visit>
void for_each_field_text(const Record& record, Visit visit) {
    visit(FieldId::Title, record.title);
    for (const std::string& title : record.other_titles) visit(FieldId::Title, title);
    visit(FieldId::Question, record.question);
    for (const std::string& tag : record.tags) visit(FieldId::Tag, tag);
    if (record.category) visit(FieldId::Category, *record.category);
    for (const Section& section : record.sections) {
        visit(FieldId::Heading, section.heading);
        visit(FieldId::Answer, section.text);
    }
}

}  // namespace qbank::schema
