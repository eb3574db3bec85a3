#include "schema/fields.h"

#include "schema/level_name.h"
#include "schema/text_fold.h"

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
        canonical = fold(to_string(*level));
    } else {
        canonical = fold_value(value);
    }
    std::string term = std::string(f.prefix) + canonical;
    if (canonical.empty() || term.size() > kMaxTermBytes) return std::nullopt;
    return term;
}

std::string id_term(std::string_view record_id) {
    return std::string(field(FieldId::Id).prefix) + std::string(record_id);
}

}  // namespace qbank::schema
