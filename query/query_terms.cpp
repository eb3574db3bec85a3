#include "query/query_terms.h"

#include <algorithm>
#include <cmath>

#include "schema/fields.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/word_segment.h"

namespace qbank::query {
namespace {

// The bytes of `stem` before its last two letters, at least its first letter.
std::string beginning_of_stem(const std::string& stem) {
    std::size_t end = stem.size();
    for (int letters = 0; letters < 2 && end > 0; ++letters) {
        do --end;
        while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80);
    }
    if (end == 0) {  // the first letter
        end = stem.empty() ? 0 : 1;
        while (end < stem.size() && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80) ++end;
    }
    return stem.substr(0, end);
}

}  // namespace

QueryTerms::QueryTerms(const Xapian::Query& query, const Xapian::MSet& mset, Xapian::doccount documents) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        auto parts = schema::split_term(*it);
        if (!parts || (parts->field != nullptr && parts->field->kind != schema::FieldKind::FreeText)) continue;
        std::string plain = (parts->stemmed ? "Z" : "") + parts->word;
        // Rarer words weigh more: the inverse document frequency, which every
        // backend reports alike (MSet::get_termweight, a bound, differs over remote
        // shards). A term in no document has no weight; it still deserves a mark.
        const Xapian::doccount frequency = mset.get_termfreq(*it);
        double weight = frequency == 0 ? 1e-3 : std::log(1.0 + documents / (frequency + 0.5));
        if (!parts->word.empty() && static_cast<unsigned char>(parts->word.front()) < 0x80)
            first_bytes_.set(static_cast<unsigned char>(parts->word.front()));
        // A stem may differ from its words in its last two letters ("cry" is "cri",
        // "dying" is "die"); the letters before are every such word's beginning.
        // The tokenizer writes typographic apostrophes as "'" ("don’t" is "don't").
        std::string beginning = parts->stemmed ? beginning_of_stem(parts->word) : parts->word;
        beginnings_.push_back(beginning.substr(0, std::max<std::size_t>(1, beginning.find('\''))));
        stemmed_ = stemmed_ || parts->stemmed;
        double& best = weights_[plain];
        best = std::max(best, weight);
        unspaced_ = unspaced_ || text::starts_with_unspaced_script(parts->word);
    }
}

namespace {

const QueryTerms::Match kNoMatch;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool QueryTerms::can_look_ahead(std::string_view language) const {
    return !stemmed_ || keeps_beginning(language);
}

bool QueryTerms::keeps_beginning(std::string_view language) const {
    if (!keeps_language_ || keeps_language_->first != language)
        keeps_language_.emplace(std::string(language), text::stem_keeps_beginning(language));
    return keeps_language_->second;
}

bool QueryTerms::may_match(std::string_view text) const {
    // ASCII folds to its lower case, so a matching word's beginning is in the text as it stands.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {  // folded and lower-cased, as the tokenizer reads it
            const std::string folded = Xapian::Unicode::tolower(text::fold(text));
            return std::any_of(beginnings_.begin(), beginnings_.end(),
                               [&](const std::string& b) { return folded.find(b) != std::string::npos; });
        }
        if (!first_bytes_.test(static_cast<unsigned char>(lower(c)))) continue;
        for (const std::string& b : beginnings_)
            if (b.size() <= text.size() - i &&
                std::equal(b.begin(), b.end(), text.begin() + static_cast<std::ptrdiff_t>(i),
                           [](char x, char y) { return x == lower(y); }))
                return true;
    }
    return false;
}

const QueryTerms::Match& QueryTerms::match(const std::string& term, std::string_view language) const {
    std::string_view primary = language.substr(0, language.find('-'));
    // Most words of a page begin with a letter no query term begins with: no lookup, no stemming.
    if (const unsigned char first = term.empty() ? 0 : static_cast<unsigned char>(term.front());
        first != 0 && first < 0x80 && !first_bytes_.test(first) && keeps_beginning(language))
        return kNoMatch;
    auto by_language = known_.find(primary);
    if (by_language == known_.end()) by_language = known_.emplace(std::string(primary), Known()).first;
    Known& known = by_language->second;
    if (auto it = known.find(term); it != known.end()) return it->second;
    Match found;
    if (auto it = weights_.find(term); it != weights_.end()) found = *it;
    else if (std::string stem = text::stem_of(term, language); !stem.empty())
        if (auto stemmed = weights_.find("Z" + stem); stemmed != weights_.end()) found = *stemmed;
    return known.emplace(term, std::move(found)).first->second;
}

}  // namespace qbank::query
