#include "indexer/json_lines.h"

#include <nlohmann/json.hpp>

#include <regex>

#include "indexer/heading.h"
#include "indexer/normalize.h"
#include "indexer/page_parser.h"
#include "text/language.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/utf8_check.h"

namespace qbank::indexer {
namespace {

using nlohmann::json;

// What is wrong with one line; thrown inside this file only.
struct BadLine {
    std::string message;
};

std::string text_field(const json& object, const char* name, bool required) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) {
        if (required) throw BadLine{std::string("missing field '") + name + "'"};
        return {};
    }
    if (!it->is_string()) throw BadLine{std::string("field '") + name + "' must be a string"};
    return clean_text(it->get<std::string>());
}

std::optional<Level> level_field(const json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    std::optional<Level> level = it->is_string() ? level_from_string(it->get<std::string>()) : std::nullopt;
    if (!level) throw BadLine{std::string("field '") + name + "' must be one of Junior, Mid, Senior, Staff+"};
    return level;
}

void check_fields(const json& object, std::initializer_list<std::string_view> known, std::string_view where) {
    for (const auto& [key, value] : object.items()) {
        bool ok = false;
        for (std::string_view k : known) ok = ok || key == k;
        if (!ok) throw BadLine{"unknown field '" + key + "'" + std::string(where)};
    }
}

std::vector<std::string> tags_field(const json& object) {
    auto it = object.find("tags");
    if (it == object.end() || it->is_null()) return {};
    const BadLine bad{"field 'tags' must be an array of non-empty strings"};
    if (!it->is_array()) throw bad;
    std::vector<std::string> tags;
    for (const json& tag : *it) {
        std::string t = tag.is_string() ? std::string(text::trim(clean_text(tag.get<std::string>()))) : std::string();
        if (t.empty()) throw bad;
        tags.push_back(std::move(t));
    }
    return tags;
}

std::vector<Section> sections_field(const json& object) {
    auto it = object.find("sections");
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_array()) throw BadLine{"field 'sections' must be an array"};
    std::vector<Section> sections;
    for (const json& s : *it) {
        if (!s.is_object()) throw BadLine{"each section must be an object with heading and text"};
        check_fields(s, {"heading", "kind", "level", "text"}, " in a section");
        Section section;
        section.heading = text_field(s, "heading", true);
        section.text = text_field(s, "text", true);
        std::string kind = text_field(s, "kind", false);
        if (kind.empty()) {
            section.kind = classify_heading(section.heading);
        } else if (auto k = section_kind_from_string(kind)) {
            section.kind = *k;
        } else {
            throw BadLine{"unknown section kind '" + kind + "'"};
        }
        section.level = level_field(s, "level");
        if (!section.text.empty()) sections.push_back(std::move(section));
    }
    return sections;
}

SplitRecord record_of(const json& object) {
    if (!object.is_object()) throw BadLine{"not a JSON object"};
    check_fields(object, {"id", "source", "title", "question", "category", "level", "tags", "lang", "sections",
                          "removed", "duplicates", "other_titles"},
                 "");
    SplitRecord out;
    Record& r = out.record;
    r.id = text_field(object, "id", false);
    static const std::regex kId("^[0-9a-f]{16}$");
    if (!r.id.empty() && !std::regex_match(r.id, kId)) throw BadLine{"field 'id' must be 16 lower-case hex digits"};
    r.title = std::string(text::trim(text_field(object, "title", false)));
    r.question = std::string(text::trim(text_field(object, "question", false)));
    if (r.title.empty() && r.question.empty()) throw BadLine{"a record needs a title or a question"};
    if (r.title.empty()) r.title = infer_title(r.question);
    if (std::string category(text::trim(text_field(object, "category", false))); !category.empty())
        r.category = std::move(category);
    r.level = level_field(object, "level");
    r.tags = tags_field(object);
    if (std::string lang(text::trim(text_field(object, "lang", false))); !lang.empty()) {
        auto tag = text::canonical_language_tag(lang);
        if (!tag && lang != "und") throw BadLine{"field 'lang' must be a BCP 47 tag such as \"en\" or \"pt-BR\""};
        r.lang = tag ? *tag : lang;
    }
    r.sections = sections_field(object);
    out.fragment = r.id.empty() ? heading_anchor(r.title) : r.id;
    if (out.fragment.empty()) out.fragment = "record";
    return out;
}

}  // namespace

FileRecords read_json_lines(std::string_view bytes, const std::string& source) {
    FileRecords result;
    std::size_t number = 0;
    for (std::string_view line : text::split_lines(bytes)) {
        ++number;
        if (text::trim(line).empty()) continue;
        auto skip = [&](const std::string& why) {
            result.problems.push_back({source, number, why + std::string(kSkippedLineAdvice)});
        };
        if (std::size_t bad = text::first_invalid_utf8(line); bad != std::string_view::npos) {
            skip("invalid UTF-8 at column " + std::to_string(bad + 1));
            continue;
        }
        json parsed = json::parse(line, nullptr, false);
        if (parsed.is_discarded()) {
            skip("not valid JSON");
            continue;
        }
        try {
            result.records.push_back(record_of(parsed));
        } catch (const BadLine& bad) {
            skip(bad.message);
        }
    }
    return result;
}

}  // namespace qbank::indexer
