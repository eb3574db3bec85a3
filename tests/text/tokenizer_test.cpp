#include "text/tokenizer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <sstream>

#include "../test_paths.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/word_segment.h"

namespace qbank::text {
namespace {

using Strings = std::vector<std::string>;

Strings terms(std::string_view text, Scripts scripts = Scripts::All) {
    Strings out;
    for (const Token& t : tokenize(text, scripts)) out.push_back(t.term);
    return out;
}

Strings spans(std::string_view text) {
    Strings out;
    for (const Token& t : tokenize(text)) out.emplace_back(text.substr(t.begin, t.end - t.begin));
    return out;
}

TEST(Tokenizer, ReadsWordsAsXapianDoes) {
    EXPECT_EQ(terms("Don't use C++ or C# at AT&T: 3.14, 1,000 items."),
              (Strings{"don't", "use", "c++", "or", "c#", "at", "at&t", "3.14", "1,000", "items"}));
    EXPECT_EQ(terms("fish+chips e-mail node.js snake_case x++++"),
              (Strings{"fish", "chips", "e", "mail", "node", "js", "snake_case", "x"}));
    EXPECT_EQ(terms("it’s"), Strings{"it's"});  // a typographic apostrophe is an apostrophe
    EXPECT_EQ(terms(""), Strings{});
    EXPECT_EQ(terms(" -- !? "), Strings{});
}

TEST(Tokenizer, TermsAreFoldedAndSpansAreAsWritten) {
    const std::string text = "José's CAFÉ ＣＯＤＥ Stra\u00DFe soft\u00ADware";
    EXPECT_EQ(terms(text), (Strings{"jose's", "cafe", "code", "strasse", "software"}));
    EXPECT_EQ(spans(text), (Strings{"José's", "CAFÉ", "ＣＯＤＥ", "Stra\u00DFe", "soft\u00ADware"}));
    EXPECT_EQ(spans("Cafe\u0301!"), Strings{"Cafe\u0301"});  // the combining accent is part of the word
}

TEST(Tokenizer, CutsScriptsWrittenWithoutSpacesIntoWords) {
    // As ICU's dictionary has them: it knows 什么 and 使用, not 闭包 or 缓存.
    EXPECT_EQ(terms("什么是闭包"), (Strings{"什么", "是", "闭", "包"}));
    EXPECT_EQ(terms("React的hooks"), (Strings{"react", "的", "hooks"}));
    EXPECT_EQ(terms("サーバーとは"), (Strings{"サーバー", "と", "は"}));  // the length mark stays in its word
    EXPECT_EQ(spans("使用LRU缓存"), (Strings{"使用", "LRU", "缓", "存"}));
    EXPECT_EQ(terms("за\u0301мок"), Strings{"за\u0301мок"});  // a stress mark on Cyrillic stays in the word
    EXPECT_EQ(terms("使用LRU cache来缓存", Scripts::SpacedOnly), (Strings{"lru", "cache"}));
}

TEST(Tokenizer, LongWordsAreNoTerms) {
    std::string hash(kMaxWordBytes + 1, 'a');
    EXPECT_EQ(terms("sha " + hash + " end"), (Strings{"sha", "end"}));
    EXPECT_EQ(terms(std::string(kMaxWordBytes, 'b')).size(), 1u);
}

// Text is checked as UTF-8 where it comes in; a stray byte that gets here still reads.
TEST(Tokenizer, InvalidUtf8ReadsWithoutFailing) {
    const std::string text = "ab\xff" "cd ef";
    std::vector<Token> words = tokenize(text);
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].begin, 0u);
    EXPECT_EQ(words[0].end, 5u);
    EXPECT_EQ(words[1].term, "ef");
    // Truncated four-byte sequences (a fuzzer input that timed out only on a starved machine).
    for_each_token("\x9f\xf0\x9f\x9c\xf0\x9f\x78", [](const Token&) {});
}

// Every line of the shipped corpus, with the file it is in.
std::vector<std::pair<std::string, std::string>> corpus_lines() {
    std::vector<std::pair<std::string, std::string>> lines;
    for (const auto& [path, text] : test::corpus_files()) {
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) lines.emplace_back(path, line);
    }
    return lines;
}

// The oracle: Xapian's own TermGenerator over the folded text reads the same words
// in the same order, on every line of the shipped corpus in scripts written with
// spaces; operators ("==") are words to qbank alone.
TEST(Tokenizer, MatchesXapiansTermGeneratorOnTheCorpus) {
    std::size_t lines = 0;
    for (const auto& [path, line] : corpus_lines()) {
        bool unspaced = false;
        for_each_token(line, [&](const Token& t) { unspaced = unspaced || starts_with_unspaced_script(t.term); });
        if (unspaced) continue;
        Xapian::Document doc;
        Xapian::TermGenerator generator;
        generator.set_document(doc);
        generator.index_text(fold(line));
        std::map<Xapian::termpos, std::string> by_position;
        for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term)
            for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) by_position[*pos] = *term;
        Strings expected;
        for (auto& [pos, term] : by_position) expected.push_back(term);
        Strings ours = terms(line);
        std::erase_if(ours, [](const std::string& term) { return term.find_first_of("=!<>&|?.+-") == 0; });
        ASSERT_EQ(ours, expected) << path << ": " << line;
        ++lines;
    }
    EXPECT_GT(lines, 10000u);
}

// Excerpts read a text a run of words at a time (query/excerpt.cpp): that holds
// only if no word spans whitespace, in any script, so that each run reads alone
// as it reads in the whole.
TEST(Tokenizer, WordsNeverSpanWhitespace) {
    const auto lines = corpus_lines();
    for (const auto& [path, line] : lines) {
        std::vector<std::pair<std::size_t, std::string>> whole, by_runs;
        for (const Token& t : tokenize(line)) whole.emplace_back(t.begin, t.term);
        for (std::size_t pos = 0; pos < line.size();) {
            std::size_t end = line.find_first_of(" \t", pos);
            if (end == std::string::npos) end = line.size();
            for (const Token& t : tokenize(std::string_view(line).substr(pos, end - pos)))
                by_runs.emplace_back(pos + t.begin, t.term);
            pos = end + 1;
        }
        ASSERT_EQ(by_runs, whole) << path << ": " << line;
    }
    EXPECT_GT(lines.size(), 10000u);
}

// Issue 14: "what is the difference between == and ===" found nothing.
TEST(Tokenizer, OperatorsPeopleAskAboutAreWords) {
    EXPECT_EQ(terms("== vs ===, a!==b, x => y ?? z?.w && ||"),
              (Strings{"==", "vs", "===", "a", "!==", "b", "x", "=>", "y", "??", "z", "?.", "w", "&&", "||"}));
    // Not dashes, emphasis, ellipses or runs that spell no operator.
    EXPECT_EQ(terms("a -- b ** c ... d =!= e"), (Strings{"a", "b", "c", "d", "e"}));
}

// Excerpts pass over text holding no stem's beginning (query/query_terms.h).
TEST(Stem, KeepsTheBeginningWhereTheStemmerOnlyTakesEndingsOff) {
    for (const char* language : {"en", "en-US", "und", "", "es", "pt-BR", "de", "zh", "ja", "pl", "ko"})
        EXPECT_TRUE(stem_keeps_beginning(language)) << language;
    for (const char* language : {"ga", "id", "ar", "fi"}) EXPECT_FALSE(stem_keeps_beginning(language)) << language;
    EXPECT_EQ(stem_of("pollooaan", "fi").substr(0, 4), "polo");  // why Finnish is out
    EXPECT_EQ(stem_of("dying"), "die");  // why the last two letters are left out
    EXPECT_EQ(stem_of("cry"), "cri");
    // Later Snowball releases write "е" for "ё" anywhere in a Russian word: Russian would be out.
    EXPECT_TRUE(stem_keeps_beginning("ru"));
    EXPECT_EQ(stem_of("ёлки", "ru").substr(0, 2), "ё");
}

// Issue 14: Snowball keeps "lazily" ("lazili") apart from "lazy" ("lazi").
TEST(Stem, EnglishAdverbsInIlyComeFromTheirAdjective) {
    EXPECT_NE(stem_of("lazily"), stem_of("lazy"));
    EXPECT_EQ(adverb_base("lazily", "en"), "lazy");
    EXPECT_EQ(adverb_base("necessarily", "en-GB"), "necessary");
    EXPECT_EQ(stem_of(adverb_base("easily", "und")), stem_of("easy"));
    EXPECT_EQ(adverb_base("daily", "en"), "");  // no "day"
    EXPECT_EQ(adverb_base("quickly", "en"), "");  // Snowball already has it
    EXPECT_EQ(stem_of("quickly"), stem_of("quick"));
    EXPECT_EQ(adverb_base("lazily", "pl"), "");
}

TEST(Stem, StemsWordsThatStartWithALetter) {
    EXPECT_EQ(stem_of("caching"), "cach");
    EXPECT_EQ(stem_of("cache"), "cach");
    EXPECT_EQ(stem_of("3d"), "");
    EXPECT_EQ(stem_of("_private"), "");
    EXPECT_EQ(stem_of(""), "");
    // Issue 14: each language by its own rules; English rules never touch Polish.
    EXPECT_EQ(stem_of("programação", "pt-BR"), "program");
    EXPECT_EQ(stem_of("programação"), "programação");
    EXPECT_EQ(stem_of("переменных", "ru"), "перемен");
    EXPECT_EQ(stem_of("funkcje", "pl"), "funkcje");
    EXPECT_EQ(stem_of("funkcje", "en"), "funkcj");
    EXPECT_EQ(stem_of("caching", "und"), "cach");
    EXPECT_EQ(stem_of("3d", "pl"), "");
    // Issue 14: a Korean word without its particle, when two syllables are left.
    EXPECT_EQ(stem_of("위임에"), "위임");
    EXPECT_EQ(stem_of("호이스팅은"), "호이스팅");
    EXPECT_EQ(stem_of("이벤트에서는"), "이벤트");
    EXPECT_EQ(stem_of("위임"), "위임");
    EXPECT_EQ(stem_of("책을"), "책을");
}

TEST(TypedWords, CutsAtSpacesAndAroundUnspacedWords) {
    EXPECT_EQ(typed_words("  React的Hooks?  C++ "), (Strings{"react", "的", "hooks?", "c++"}));
    EXPECT_EQ(typed_words("负载均衡"), (Strings{"负载", "均衡"}));
    EXPECT_EQ(typed_words("node.js\tCI/CD"), (Strings{"node.js", "ci/cd"}));
    EXPECT_EQ(typed_words(" "), Strings{});
}

}  // namespace
}  // namespace qbank::text
