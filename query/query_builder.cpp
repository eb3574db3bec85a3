#include "query/query_builder.h"

#include "qbank/error.h"
#include "query/stopwords.h"
#include "schema/fields.h"
#include "schema/level_name.h"
#include "schema/text_analysis.h"
#include "schema/text_fold.h"
#include "schema/utf8_check.h"

namespace qbank::query {

using schema::FieldKind;

namespace {

std::string filter_field_names() {
    std::string names;
    for (const schema::Field& f : schema::kFields)
        if (f.kind == FieldKind::Filter) names += (names.empty() ? "" : ", ") + std::string(f.name);
    return names;
}

std::string query_field_names() {
    std::string names;
    for (const schema::Field& f : schema::kFields)
        if (f.kind != FieldKind::Id) names += (names.empty() ? "" : ", ") + std::string(f.name);
    return names;
}

std::string impossible_value_message(const schema::Field& field, const std::string& value) {
    if (field.id == schema::FieldId::Level)
        return "unknown level '" + value + "': use Junior, Mid, Senior or Staff+";
    return "empty " + std::string(field.name) + " value";
}

// level:Senior, tag:"Risk Management": the value folded into the filter term.
// An impossible value is noted, not thrown: an exception thrown through Xapian's
// query parser leaks its parse state.
class FilterProcessor : public Xapian::FieldProcessor {
public:
    FilterProcessor(const schema::Field& field, std::string& error) : field_(field), error_(error) {}

    Xapian::Query operator()(const std::string& value) override {
        auto term = schema::filter_term(field_.id, value);
        if (term) return Xapian::Query(*term);
        if (error_.empty()) error_ = impossible_value_message(field_, value);
        return Xapian::Query::MatchNothing;
    }

private:
    const schema::Field& field_;
    std::string& error_;
};

// AND, OR, NOT, XOR, NEAR, ADJ, NEAR/3, ADJ/2
bool is_operator(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR"})
        if (word == op) return true;
    for (std::string_view op : {"NEAR", "ADJ"}) {
        if (!word.starts_with(op)) continue;
        std::string_view rest = word.substr(op.size());
        if (rest.empty()) return true;
        if (rest.size() < 2 || rest[0] != '/') return false;
        return rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
    }
    return false;
}

// The query without its "quoted phrases", where a colon is just text.
std::string outside_quotes(const std::string& text) {
    std::string out;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else out += quoted ? ' ' : c;
    }
    return out;
}

// "lvl:senior" is a typo, not two words: name it rather than return nonsense.
// "std::vector" and "key:value" inside quotes are text.
void reject_unknown_fields(const std::string& text) {
    auto is_name_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    auto starts_word = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '+' || c == '-'; };
    std::string q = outside_quotes(text);
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (!is_name_char(q[i]) || (i > 0 && !starts_word(q[i - 1]))) continue;
        std::size_t end = i;
        while (end < q.size() && is_name_char(q[end])) ++end;
        bool field_use = end - i >= 2 && end + 1 < q.size() && q[end] == ':' &&
                         std::string_view(" \t\n/:").find(q[end + 1]) == std::string_view::npos;
        if (field_use) {
            std::string name = schema::fold(std::string_view(q).substr(i, end - i));
            const schema::Field* f = schema::find_field(name);
            if (f == nullptr || f->kind == FieldKind::Id)
                throw Error(Error::Kind::InvalidQuery, "unknown field '" + name + "' in query \"" + text +
                                                           "\": fields are " + query_field_names());
        }
        i = end;
    }
}

}  // namespace

std::string fold_query_text(const std::string& text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t start = text.find_first_not_of(" \t\n", pos);
        out.append(text, pos, (start == std::string::npos ? text.size() : start) - pos);
        if (start == std::string::npos) break;
        std::size_t end = text.find_first_of(" \t\n", start);
        if (end == std::string::npos) end = text.size();
        std::string_view word(text.data() + start, end - start);
        out += is_operator(word) ? std::string(word) : schema::fold(word);
        pos = end;
    }
    return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db) {
    parser_.set_database(db);
    parser_.set_stemmer(Xapian::Stem(schema::kStemLanguage));
    parser_.set_stemming_strategy(schema::kQueryStemStrategy);
    parser_.set_stopper(english_stopper());
    parser_.set_default_op(Xapian::Query::OP_AND);
    for (const schema::Field& f : schema::kFields) {
        if (f.kind == FieldKind::FreeText) parser_.add_prefix(std::string(f.name), std::string(f.prefix));
        // Without a grouping each field is its own group: values of one field OR
        // together, filters on different fields AND together.
        if (f.kind == FieldKind::Filter)
            parser_.add_boolean_prefix(std::string(f.name), (new FilterProcessor(f, filter_error_))->release());
    }
}

Xapian::Query QueryBuilder::build(const std::string& text, const std::vector<Filter>& filters) {
    if (std::size_t bad = schema::first_invalid_utf8(text); bad != std::string::npos)
        throw Error(Error::Kind::InvalidQuery, "query is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    Xapian::Query query = Xapian::Query::MatchAll;
    if (text.find_first_not_of(" \t\n") != std::string::npos) {
        reject_unknown_fields(text);
        filter_error_.clear();
        try {
            query = parser_.parse_query(fold_query_text(text),
                                        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT |
                                            schema::kQueryCjkFlag);
        } catch (const Xapian::QueryParserError& e) {
            throw Error(Error::Kind::InvalidQuery, "cannot parse query \"" + text + "\": " + e.get_msg());
        }
        if (!filter_error_.empty())
            throw Error(Error::Kind::InvalidQuery, "cannot parse query \"" + text + "\": " + filter_error_);
    }
    for (const Filter& filter : filters) {
        const schema::Field* field = schema::find_field(filter.field);
        if (field == nullptr || field->kind != FieldKind::Filter)
            throw Error(Error::Kind::InvalidArgument,
                        "cannot filter on '" + filter.field + "': filter fields are " + filter_field_names());
        auto term = schema::filter_term(field->id, filter.value);
        if (!term) throw Error(Error::Kind::InvalidArgument, impossible_value_message(*field, filter.value));
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(*term));
    }
    return query;
}

}  // namespace qbank::query
