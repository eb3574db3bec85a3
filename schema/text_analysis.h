#pragma once
// How text becomes terms, shared by the indexer's TermGenerator and the query
// side's QueryParser and snippets: they must agree or matches are lost.

#include <xapian.h>

namespace qbank::schema {

inline constexpr const char* kStemLanguage = "english";
inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemStrategy = Xapian::TermGenerator::STEM_SOME;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemStrategy = Xapian::QueryParser::STEM_SOME;
// Chinese, Japanese and Korean have no spaces: index them as character n-grams.
inline constexpr unsigned kIndexFlags = Xapian::TermGenerator::FLAG_CJK_NGRAM;
inline constexpr unsigned kQueryCjkFlag = Xapian::QueryParser::FLAG_CJK_NGRAM;
inline constexpr unsigned kSnippetCjkFlag = Xapian::MSet::SNIPPET_CJK_NGRAM;
// Positions between two fields' words, so a phrase never spans a field boundary.
inline constexpr Xapian::termpos kFieldGap = 100;

}  // namespace qbank::schema
