#include "query/query_builder.h"

#include <algorithm>
#include <cctype>

#include "qbank/error.h"
#include "query/match_all.h"
#include "query/query_operator.h"
#include "query/stopwords.h"
#include "schema/fields.h"
#include "schema/level_name.h"
#include "schema/text_analysis.h"
#include "schema/text_fold.h"
#include "schema/utf8_check.h"
#include "schema/word_segment.h"

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
                throw BadInputError("unknown field '" + name + "' in query \"" + text +
                                                           "\": fields are " + query_field_names());
        }
        i = end;
    }
}

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;

// Bytes of words: ASCII letters and digits, and every byte of other characters.
bool is_word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '\'';
}

// Operators keep their capitals after folding; words never have any.
bool is_lower_word(const std::string& word) {
    return std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool has_operator(const std::string& text) {
    std::string q = outside_quotes(text);
    for (std::size_t pos = 0; pos < q.size();) {
        std::size_t start = q.find_first_not_of(" \t\n()", pos);
        if (start == std::string::npos) break;
        std::size_t end = q.find_first_of(" \t\n()", start);
        if (end == std::string::npos) end = q.size();
        if (is_query_operator(std::string_view(q).substr(start, end - start)) || q[start] == '+' || q[start] == '-') return true;
        pos = end;
    }
    return false;
}

// Documents holding at least `m` of `parts`, ranked by the parts they hold: the
// filter (all m-subsets AND-ed, OR-ed) decides the match and adds no weight.
Xapian::Query at_least(std::size_t m, const std::vector<Xapian::Query>& parts) {
    std::vector<Xapian::Query> subsets;
    std::vector<bool> chosen(parts.size(), false);
    std::fill(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(m), true);
    do {
        std::vector<Xapian::Query> subset;
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (chosen[i]) subset.push_back(parts[i]);
        subsets.emplace_back(Xapian::Query::OP_AND, subset.begin(), subset.end());
    } while (std::prev_permutation(chosen.begin(), chosen.end()));
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                         Xapian::Query(Xapian::Query::OP_OR, subsets.begin(), subsets.end()));
}

// A whole question typed as a query ("what is the difference between useMemo and
// useCallback") rarely has every word in its best answer: from four words on,
// one word in four may be missing. Fewer words must all match.
Xapian::Query soften(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_FILTER) {
        std::vector<Xapian::Query> parts{soften(query.get_subquery(0))};
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) parts.push_back(query.get_subquery(i));
        return Xapian::Query(Xapian::Query::OP_FILTER, parts.begin(), parts.end());
    }
    std::size_t n = query.get_num_subqueries();
    if (query.get_type() != Xapian::Query::OP_AND || n < 4 || n > 12) return query;
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < n; ++i) parts.push_back(query.get_subquery(i));
    return at_least(n - std::max<std::size_t>(1, n / 4), parts);
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\n") == std::string::npos; }

void check_utf8(const std::string& text) {
    if (std::size_t bad = schema::first_invalid_utf8(text); bad != std::string::npos)
        throw BadInputError("query is not valid UTF-8 (byte " + std::to_string(bad) + ")");
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
        out += is_query_operator(word) ? std::string(word) : schema::analyzable_text(word);
        pos = end;
    }
    return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Synonyms& synonyms) : db_(db), synonyms_(synonyms) {
    parser_.set_database(db);
    parser_.set_stemmer(Xapian::Stem(schema::kStemLanguage));
    parser_.set_stemming_strategy(schema::kQueryStemStrategy);
    parser_.set_stopper(english_stopper());
    for (const schema::Field& f : schema::kFields) {
        if (f.kind == FieldKind::FreeText) parser_.add_prefix(std::string(f.name), std::string(f.prefix));
        // Without a grouping each field is its own group: values of one field OR
        // together, filters on different fields AND together.
        if (f.kind == FieldKind::Filter)
            parser_.add_boolean_prefix(std::string(f.name), (new FilterProcessor(f, filter_error_))->release());
    }
}

Xapian::Query QueryBuilder::parse(const std::string& analyzable, const std::string& text, unsigned flags) {
    filter_error_.clear();
    Xapian::Query query;
    try {
        query = parser_.parse_query(analyzable, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw BadInputError("cannot parse query \"" + text + "\": " + e.get_msg());
    }
    if (!filter_error_.empty())
        throw BadInputError("cannot parse query \"" + text + "\": " + filter_error_);
    return query;
}

Xapian::Query QueryBuilder::build(const std::string& text, const std::vector<Filter>& filters,
                                  Xapian::Query::op default_op) {
    check_utf8(text);
    Xapian::Query query = match_all();
    if (!is_blank(text)) {
        reject_unknown_fields(text);
        parser_.set_default_op(default_op);
        query = parse(synonyms_.expand(fold_query_text(text)), text, kParseFlags);
        if (default_op == Xapian::Query::OP_AND && !has_operator(text)) query = soften(query);
    }
    for (const Filter& filter : filters) {
        const schema::Field* field = schema::find_field(filter.field);
        if (field == nullptr || field->kind != FieldKind::Filter)
            throw BadInputError(
                        "cannot filter on '" + filter.field + "': filter fields are " + filter_field_names());
        auto term = schema::filter_term(field->id, filter.value);
        if (!term) throw BadInputError(impossible_value_message(*field, filter.value));
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(*term));
    }
    return query;
}

std::optional<std::string> QueryBuilder::correct_spelling(const std::string& text) {
    check_utf8(text);
    std::string folded = fold_query_text(text);
    std::string corrected;
    bool changed = false;
    std::size_t pos = 0;
    // Words only: not operators (kept in capitals), field names or values, or scripts without spaces.
    while (pos < folded.size()) {
        std::size_t start = pos;
        while (pos < folded.size() && is_word_byte(folded[pos])) ++pos;
        std::string_view word(folded.data() + start, pos - start);
        bool field_use = pos < folded.size() && folded[pos] == ':';
        bool after_field = start > 0 && folded[start - 1] == ':';
        if (!word.empty() && !field_use && !after_field) {
            std::string suggestion = spelling_suggestion(std::string(word));
            changed |= !suggestion.empty();
            corrected += suggestion.empty() ? std::string(word) : suggestion;
        } else {
            corrected += word;
        }
        if (pos < folded.size()) corrected += folded[pos++];  // the byte that ended the word
    }
    if (!changed) return std::nullopt;
    return corrected;
}

std::string QueryBuilder::spelling_suggestion(const std::string& word) const {
    if (!is_lower_word(word) || db_.term_exists(word) || (*english_stopper())(word) || synonyms_.knows(word))
        return {};
    if (schema::starts_with_unspaced_script(word)) return {};
    // Two edits turn most three-letter words into another word.
    unsigned max_edits = word.size() <= 4 ? 1 : 2;
    return db_.get_spelling_suggestion(word, max_edits);
}

}  // namespace qbank::query
