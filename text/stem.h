#pragma once
// The stem kept beside a term, for words that match in another form ("caching"
// finds "cache"), by the rules of the text's language: Xapian's Snowball
// stemmer for that language (English, Portuguese, Spanish, Russian, German, …)
// and none for a language Xapian has none for (Polish, Chinese, Tagalog, …): the
// word is its own stem there, so English rules never touch Polish. Korean words
// lose the particle written onto them ("위임에" finds "위임") in any text.

#include <string>
#include <string_view>

namespace qbank::text {

// The language whose rules text of no known language ("und", "") is stemmed by.
inline constexpr std::string_view kDefaultStemLanguage = "en";

// The stem of an index term (tokenizer.h) in text of BCP 47 `language` ("pt-BR"),
// or "" when the term keeps no stem (it starts with a digit or a sign). Only
// terms that start with a letter are stemmed, as Xapian's STEM_SOME does.
// Thread-safe.
std::string stem_of(const std::string& term, std::string_view language = kDefaultStemLanguage);

// Whether every word whose stem_of in `language` is S begins with S but its last
// two letters ("dying" and "die", "cry" and "cri"): languages whose stemmer only
// takes endings off (English, Spanish, German, Russian, …), and those with none.
// Not Irish, Indonesian or Arabic, which take beginnings off too, nor Finnish,
// which undoubles a consonant before any number of vowels ("pollooaan").
bool stem_keeps_beginning(std::string_view language);

// The adjective an English adverb in "-ily" is made from ("lazily" -> "lazy",
// "necessarily" -> "necessary"), which Snowball's English stemmer keeps apart
// from it; "" for other words, words of five letters or fewer ("daily" is no
// "day"), and other languages. Queries search it as another form of the word.
std::string adverb_base(const std::string& word, std::string_view language);

}  // namespace qbank::text
