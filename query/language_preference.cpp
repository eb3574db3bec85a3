#include "query/language_preference.h"

#include "schema/facet_values.h"
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
    std::string lang = text::language_of_text(query_text);
    if (lang == "und") return fallback;
    return lang.substr(0, lang.find('-'));
}

LanguageFirst::LanguageFirst(std::string language, std::unique_ptr<Xapian::KeyMaker> first)
    : language_(std::move(language)), first_(std::move(first)) {}

std::string LanguageFirst::operator()(const Xapian::Document& doc) const {
    std::string key;
    if (first_) {
        // Escaped and ended as Xapian's MultiValueKeyMaker does, so that a key
        // that is a prefix of another still sorts first.
        for (char c : (*first_)(doc)) {
            key += c;
            if (c == '\0') key += '\xff';
        }
        key.append(2, '\0');
    }
    bool in_language = false;
    schema::for_each_facet_value(doc.get_value(schema::slot_number(schema::Slot::Lang)),
                                 [&](std::string_view lang, std::string_view) {
                                     in_language = in_language || lang.substr(0, lang.find('-')) == language_;
                                 });
    key += in_language ? '0' : '1';
    return key;
}

}  // namespace qbank::query
