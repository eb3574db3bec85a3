#include "schema/fields.h"

#include "schema/level_name.h"
#include "text/fold.h"

namespace qbank::schema {

static_assert([] {
    for (std::size_t i = 0; i < kFields.size(); ++i)
        if (static_cast<std::size_t>(kFields[i].id) != i) return false;
    return true;
}(), "kFields must be ordered by FieldId");

const Field* find_field(std::string_view name) {
    for (const Field& f : kFields)
        if (f.name == name) return &f;
    return nullptr;
}

std::optional<std::string> filter_term(FieldId id, std::string_view value) {
    const Field& f = field(id);
    std::string canonical;
    if (id == FieldId::Level) {
        auto level = parse_level_name(value);
        if (!level) return std::nullopt;
        canonical = text::fold(to_string(*level));
    } else {
        canonical = text::fold_value(value);
    }
    std::string term = std::string(f.prefix) + canonical;
    if (canonical.empty() || term.size() > kMaxTermBytes) return std::nullopt;
    return term;
}

std::optional<TermParts> split_term(std::string_view term) {
    bool stemmed = term.starts_with('Z');
    std::string_view rest = stemmed ? term.substr(1) : term;
    auto is_prefix_char = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (rest.empty()) return std::nullopt;
    if (!is_prefix_char(rest[0])) return TermParts{nullptr, stemmed, std::string(rest)};
    // Prefixes are capitals and words are folded, so the longest match is the only one.
    const Field* found = nullptr;
    for (const Field& f : kFields)
        if (rest.starts_with(f.prefix) && (found == nullptr || f.prefix.size() > found->prefix.size())) found = &f;
    if (found == nullptr || rest.size() == found->prefix.size() || is_prefix_char(rest[found->prefix.size()]))
        return std::nullopt;
    if (stemmed && found->kind != FieldKind::FreeText) return std::nullopt;
    return TermParts{found, stemmed, std::string(rest.substr(found->prefix.size()))};
}

std::string id_term(std::string_view record_id) {
    return std::string(field(FieldId::Id).prefix) + std::string(record_id);
}

}  // namespace qbank::schema
