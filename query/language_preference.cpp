#include "query/language_preference.h"

#include "schema/fields.h"
#include "text/language.h"

namespace qbank::query {
namespace {

std::string lang_prefix() { return std::string(schema::field(schema::FieldId::Lang).prefix); }

}  // namespace

std::string dominant_language(const Xapian::Database& db) {
    const std::string prefix = lang_prefix();
    std::string best;
    Xapian::doccount most = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string tag = (*it).substr(prefix.size());
        if (tag.find('-') != std::string::npos || it.get_termfreq() <= most) continue;  // primary subtags only
        most = it.get_termfreq();
        best = std::move(tag);
    }
    return best;
}

std::vector<std::string> languages_of(const Xapian::Database& db) {
    const std::string prefix = lang_prefix();
    std::vector<std::string> languages;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        if (std::string tag = (*it).substr(prefix.size()); tag.find('-') == std::string::npos)  // primary subtags only
            languages.push_back(std::move(tag));
    return languages;
}

std::string preferred_language(std::string_view query_text, const std::string& fallback) {
    std::string lang = text::language_of_query(query_text);
    if (lang == "und") return fallback;
    return lang.substr(0, lang.find('-'));
}

}  // namespace qbank::query
