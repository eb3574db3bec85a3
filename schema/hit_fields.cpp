#include "schema/hit_fields.h"

#include <array>

#include "qbank/error.h"

namespace qbank::schema {

namespace {

// The Record fields besides the id (as record.schema.json names them), and the excerpt.
constexpr std::array<std::string_view, 12> kNames = {
    "title", "question", "level", "category", "tags", "lang",
    "source", "duplicates", "other_titles", "sections", "removed", "excerpt"};

std::uint32_t bit_of(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return std::uint32_t{1} << i;
    return 0;
}

}  // namespace

HitFields::HitFields(const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        std::uint32_t bit = bit_of(name);
        if (bit == 0) {
            std::string known;
            for (std::string_view n : kNames) known += (known.empty() ? "" : ", ") + std::string(n);
            throw BadInputError("no field '" + name + "' to return: the fields are " + known);
        }
        asked_ |= bit;
    }
}

bool HitFields::has(std::string_view name) const { return (asked_ & bit_of(name)) != 0; }

void HitFields::trim(Record& r) const {
    if (!has("title")) r.title.clear();
    if (!has("question")) r.question.clear();
    if (!has("level")) r.level.reset();
    if (!has("category")) r.category.reset();
    if (!has("tags")) r.tags.clear();
    if (!has("lang")) r.lang.clear();
    if (!has("source")) r.source.clear();
    if (!has("duplicates")) r.duplicates.clear();
    if (!has("other_titles")) r.other_titles.clear();
    if (!has("sections")) r.sections.clear();
    if (!has("removed")) r.removed.clear();
}

}  // namespace qbank::schema
