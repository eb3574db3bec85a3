#include "qbank/json.h"

#include <nlohmann/json.hpp>

#include "qbank/error.h"
#include "schema/record_json_parts.h"

namespace qbank {

// ordered_json keeps keys in the documented order, which people read more easily.
using json = nlohmann::ordered_json;

namespace {

json section_to_json(const Section& s) {
    json j = {{"heading", s.heading}, {"kind", to_string(s.kind)}, {"text", s.text}};
    if (s.level) j["level"] = to_string(*s.level);
    return j;
}

Level level_of(const json& j) {
    auto level = level_from_string(j.get<std::string>());
    if (!level) throw BadInputError("unknown level " + j.dump());
    return *level;
}

constexpr std::pair<RemovedBlock::Scope, std::string_view> kScopeNames[] = {
    {RemovedBlock::Scope::Page, "page"},
    {RemovedBlock::Scope::Corpus, "corpus"},
    {RemovedBlock::Scope::Chrome, "chrome"},
};

std::string_view scope_name(RemovedBlock::Scope scope) {
    for (const auto& [s, name] : kScopeNames)
        if (s == scope) return name;
    return "page";
}

std::optional<RemovedBlock::Scope> scope_from_name(std::string_view name) {
    for (const auto& [s, n] : kScopeNames)
        if (n == name) return s;
    return std::nullopt;
}

}  // namespace

namespace schema {

json sections_to_json(const std::vector<Section>& sections) {
    json out = json::array();
    for (const Section& s : sections) out.push_back(section_to_json(s));
    return out;
}

json removed_to_json(const std::vector<RemovedBlock>& removed) {
    json out = json::array();
    for (const RemovedBlock& b : removed)
        out.push_back({{"text", b.text}, {"count", b.count}, {"scope", scope_name(b.scope)}});
    return out;
}

}  // namespace schema

std::string record_to_json(const Record& r, int indent) {
    json j = {{"id", r.id},       {"source", r.source}, {"title", r.title},
              {"question", r.question}, {"tags", r.tags}};
    if (r.category) j["category"] = *r.category;
    if (r.level) j["level"] = to_string(*r.level);
    j["lang"] = r.lang;
    j["sections"] = schema::sections_to_json(r.sections);
    j["removed"] = schema::removed_to_json(r.removed);
    j["duplicates"] = r.duplicates;
    j["other_titles"] = r.other_titles;
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

Record record_from_json(std::string_view text) {
    try {
        json j = json::parse(text);
        Record r;
        r.id = j.at("id").get<std::string>();
        r.source = j.at("source").get<std::string>();
        r.title = j.at("title").get<std::string>();
        r.question = j.at("question").get<std::string>();
        if (j.contains("category")) r.category = j["category"].get<std::string>();
        if (j.contains("level")) r.level = level_of(j["level"]);
        r.tags = j.at("tags").get<std::vector<std::string>>();
        r.lang = j.value("lang", std::string());
        for (const json& s : j.at("sections")) {
            Section section;
            section.heading = s.at("heading").get<std::string>();
            auto kind = section_kind_from_string(s.at("kind").get<std::string>());
            if (!kind) throw BadInputError("unknown section kind " + s.at("kind").dump());
            section.kind = *kind;
            if (s.contains("level")) section.level = level_of(s["level"]);
            section.text = s.at("text").get<std::string>();
            r.sections.push_back(std::move(section));
        }
        for (const json& b : j.at("removed")) {
            std::string name = b.at("scope").get<std::string>();
            auto scope = scope_from_name(name);
            if (!scope) throw BadInputError("unknown removed-block scope '" + name + "'");
            r.removed.push_back({b.at("text").get<std::string>(), b.at("count").get<int>(), *scope});
        }
        r.duplicates = j.at("duplicates").get<std::vector<std::string>>();
        r.other_titles = j.value("other_titles", std::vector<std::string>());
        return r;
    } catch (const json::exception& e) {
        throw BadInputError(std::string("not a record: ") + e.what());
    }
}

}  // namespace qbank
