#pragma once
// How text becomes terms, shared by the indexer's TermGenerator and the query
// side's QueryParser and excerpts: they must agree or matches are lost.

#include <xapian.h>

#include <string>
#include <string_view>

namespace qbank::schema {

inline constexpr const char* kStemLanguage = "english";
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemStrategy = Xapian::TermGenerator::STEM_SOME;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemStrategy = Xapian::QueryParser::STEM_SOME;
// Positions between two fields' words, so a phrase never spans a field boundary.
inline constexpr Xapian::termpos kFieldGap = 100;

// Text as the TermGenerator sees it: folded (text_fold.h), then scripts written
// without spaces cut into words by ICU (word_segment.h).
std::string analyzable_text(std::string_view text);

// The term generator of indexed text: English stems beside the words (STEM_SOME).
inline Xapian::TermGenerator index_term_generator() {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem(kStemLanguage));
    generator.set_stemming_strategy(kIndexStemStrategy);
    return generator;
}

}  // namespace qbank::schema
