#pragma once
// Matches in the searcher's language rank first: a handbook translated into
// ten languages matches "hoisting" in every one of them, and a reader wants the
// one they read. The language is the query's own when its text tells it
// (Chinese, Japanese, Spanish words…), else the language most of the index is in.

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qbank::query {

// The language subtag most documents of `db` carry ("en"), or empty for none.
std::string dominant_language(const Xapian::Database& db);

// Every primary language subtag documents of `db` carry ("en", "pt", "zh").
std::vector<std::string> languages_of(const Xapian::Database& db);

// The language to prefer for `query_text`: its own, else `fallback`.
std::string preferred_language(std::string_view query_text, const std::string& fallback);

// Sort keys for Enquire::set_sort_by_key_then_relevance: the keys of `first`
// (may be null), then documents in `language` (a primary subtag) before the
// others. A translation ranks below every match in the reader's language, and
// scores stay those of the words.
class LanguageFirst : public Xapian::KeyMaker {
public:
    LanguageFirst(std::string language, std::unique_ptr<Xapian::KeyMaker> first);
    std::string operator()(const Xapian::Document& doc) const override;

private:
    std::string language_;
    std::unique_ptr<Xapian::KeyMaker> first_;
};

}  // namespace qbank::query
