#include "query/query_builder.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "../test_paths.h"
#include "indexer/document_builder.h"
#include "qbank/error.h"
#include "schema/ranking.h"

namespace qbank::query {
namespace {

class QueryBuilderTest : public ::testing::Test {
protected:
    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
    Synonyms no_synonyms_;
    QueryBuilder builder_{db_, no_synonyms_};

    std::string describe(const std::string& text, const std::vector<Filter>& filters = {}) {
        return builder_.build(text, filters).get_description();
    }
};

// The index and the query side must turn the same words into the same terms,
// whatever their case, Unicode form or script; otherwise searches silently miss.
TEST_F(QueryBuilderTest, IndexAndQueryMakeTheSameTerms) {
    const std::string texts[] = {"Stakeholder Management", "STRASSE Straße", "ＫＵＢＥＲＮＥＴＥＳ", "Café résumé",
                                 "面试问题", "什么是闭包", "キャッシュとは何ですか", "José", "C++ and C# at AT&T",
                                 "React的hooks", "e-mail node.js 3.14"};
    for (const std::string& text : texts) {
        Record record;
        record.id = "r";
        record.title = text;
        Xapian::Document doc = indexer::build_document(record);
        std::set<std::string> indexed(doc.termlist_begin(), doc.termlist_end());
        Xapian::Query query = builder_.build(text, {});
        ASSERT_NE(query.get_unique_terms_begin(), query.get_unique_terms_end()) << text;
        for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term)
            EXPECT_TRUE(indexed.count(*term)) << text << ": " << *term;
    }
}

TEST_F(QueryBuilderTest, ParsesTheDocumentedSyntax) {
    const std::pair<std::string, std::string> cases[] = {
        {"herd", "Query(Zherd@1)"},
        {"Thundering Herd", "Query((Zthunder@1 AND Zherd@2))"},
        {"\"thundering herd\"", "Query((thundering@1 PHRASE 2 herd@2))"},
        {"kafka OR rabbitmq", "Query((Zkafka@1 OR Zrabbitmq@2))"},
        {"kafka NOT rabbitmq", "Query((Zkafka@1 AND_NOT Zrabbitmq@2))"},
        {"NOT rabbitmq", "Query((<alldocuments> AND_NOT Zrabbitmq@1))"},
        {"how do you handle the conflict", "Query((Zhandl@1 AND Zconflict@2))"},  // stopwords dropped
        {"title:herd", "Query(ZSherd@1)"},
        {"level:senior", "Query(0 * XLsenior)"},
        {"tag:\"Risk Management\"", "Query(0 * Krisk management)"},
        {"level:Senior level:Mid", "Query(0 * (XLsenior OR XLmid))"},
        {"herd level:senior category:behavioral", "Query((Zherd@1 FILTER (XCbehavioral AND XLsenior)))"},
        {"ＨＥＲＤ", "Query(Zherd@1)"},
        {"C++", "Query(Zc++@1)"},
        {"", "Query(<alldocuments>)"},
        {"the", "Query(Zthe@1)"},  // a query of stopwords only keeps them,
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(describe(text), expected) << text;
}

TEST_F(QueryBuilderTest, FiltersOfOneFieldOrAndOfDifferentFieldsAnd) {
    EXPECT_EQ(describe("herd", {{"level", "Senior Level"}, {"tag", "C++"}}),
              "Query(((Zherd@1 FILTER Kc++) FILTER XLsenior))");
    EXPECT_EQ(describe("herd", {{"level", "Mid"}, {"tag", "C++"}, {"level", "Senior"}}),
              "Query(((Zherd@1 FILTER Kc++) FILTER (XLmid OR XLsenior)))");
    EXPECT_EQ(describe("", {{"category", "Behavioral"}}), "Query((<alldocuments> FILTER XCbehavioral))");
}

void expect_error(const std::function<void()>& call, Error::Kind kind, const std::string& message) {
    try {
        call();
        ADD_FAILURE() << "no error; expected: " << message;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), kind);
        EXPECT_EQ(std::string(e.what()), message);
    }
}

TEST_F(QueryBuilderTest, SyntaxErrorsAreBadInput) {
    EXPECT_EQ(describe("OR herd"), "Query(Zherd@1)");  // pasted text that breaks the syntax: its words
    expect_error([&] { describe("level:wizard"); }, Error::Kind::BadInput,
                 "cannot parse query \"level:wizard\": unknown level 'wizard': use Junior, Mid, Senior or Staff+");
}

TEST_F(QueryBuilderTest, BadFiltersAreBadInput) {
    expect_error([&] { describe("x", {{"title", "herd"}}); }, Error::Kind::BadInput,
                 "cannot filter on 'title': filter fields are tag, level, category, lang");
    expect_error([&] { describe("x", {{"level", "wizard"}}); }, Error::Kind::BadInput,
                 "unknown level 'wizard': use Junior, Mid, Senior or Staff+");
}

TEST_F(QueryBuilderTest, ColonsThatAreNotFieldsAreText) {
    // Issue 15: a word before a colon that is no field is searched as text, as pasted.
    EXPECT_EQ(describe("herd lvl:senior"), "Query((Zherd@1 AND (lvl@2 PHRASE 2 senior@3)))");
    EXPECT_EQ(describe("Tip: use memo"), "Query(((Ztip@1 AND Zmemo@3) AND_MAYBE 0.25 * Zuse@2))");
    EXPECT_EQ(describe("std::vector"), "Query((std@1 PHRASE 2 vector@2))");
    EXPECT_EQ(describe("\"key:value\""), "Query((key@1 PHRASE 2 value@2))");
    EXPECT_EQ(describe("Title:Scaling"), "Query(ZSscale@1)");
}

TEST_F(QueryBuilderTest, InvalidUtf8IsBadInput) {
    expect_error([&] { describe("caf\xE9"); }, Error::Kind::BadInput, "query is not valid UTF-8 (byte 3)");
}

TEST_F(QueryBuilderTest, StopwordsStayInPhrasesAndPhrasesAreNotStemmed) {
    EXPECT_EQ(describe("\"the art of scaling\""), "Query((the@1 PHRASE 4 art@2 PHRASE 4 of@3 PHRASE 4 scaling@4))");
    EXPECT_EQ(describe("art of scaling"), "Query((Zart@1 AND Zscale@2))");
}

TEST_F(QueryBuilderTest, WholeQuestionsNeedHalfTheirWords) {
    // Any two of four words: a whole question's best answer rarely holds every word.
    EXPECT_EQ(describe("alpha beta gamma delta"),
              "Query(((Zalpha@1 OR Zbeta@2 OR Zgamma@3 OR Zdelta@4) FILTER ((Zalpha@1 AND Zbeta@2) OR (Zalpha@1 AND "
              "Zgamma@3) OR (Zalpha@1 AND Zdelta@4) OR (Zbeta@2 AND Zgamma@3) OR (Zbeta@2 AND Zdelta@4) OR (Zgamma@3 "
              "AND Zdelta@4))))");
    // Longer questions may miss fewer, so that the subsets stay few: 12 words, C(12, 3) = 220.
    Xapian::Query twelve = builder_.build("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12", {});
    ASSERT_EQ(twelve.get_type(), Xapian::Query::OP_FILTER);
    EXPECT_EQ(twelve.get_subquery(1).get_num_subqueries(), 220u);
    // Fewer than four words must all match.
    EXPECT_EQ(describe("alpha beta gamma"), "Query((Zalpha@1 AND Zbeta@2 AND Zgamma@3))");
    // Operators are taken as written.
    EXPECT_EQ(describe("alpha AND beta AND gamma AND delta"), "Query((Zalpha@1 AND Zbeta@2 AND Zgamma@3 AND Zdelta@4))");
    EXPECT_EQ(describe("alpha beta gamma +delta"), "Query((Zdelta@4 AND Zalpha@1 AND Zbeta@2 AND Zgamma@3))");
}

// Issue 14: words that shape a question ("would", "vs", "instead") only add
// score, a quarter of what a word of its content adds. So do the words that
// frame an interview question ("explain", "difference between").
TEST_F(QueryBuilderTest, FillerWordsAreNeverNeeded) {
    EXPECT_EQ(describe("csr vs ssr"), "Query(((Zcsr@1 AND Zssr@3) AND_MAYBE 0.25 * Zvs@2))");
    EXPECT_EQ(describe("would you use redux instead"),
              "Query((Zredux@3 AND_MAYBE 0.25 * (Zwould@1 OR Zuse@2 OR Zinstead@4)))");
    // The words every "what is the difference between" question wraps its topic in.
    EXPECT_EQ(describe("difference between state and props"),
              "Query(((Zstate@3 OR Zprop@4) AND_MAYBE 0.25 * (Zdiffer@1 OR Zbetween@2)))");
    // Pronouns and the rest of Snowball's stop list; reflexives name whom it is about.
    EXPECT_EQ(describe("they said no"), "Query((Zsaid@2 AND_MAYBE 0.25 * (Zthey@1 OR Zno@3)))");
    EXPECT_EQ(describe("tell me about yourself"), "Query(((Ztell@1 AND Zyourself@3) AND_MAYBE 0.25 * Zabout@2))");
    // Prepositions of place and order name topics here ("write through", "scale up").
    EXPECT_EQ(describe("where vs having"), "Query((Zhave@2 AND_MAYBE 0.25 * Zvs@1))");
    EXPECT_EQ(describe("doesn\u2019t render"), "Query((Zrender@2 AND_MAYBE 0.25 * Zdoesn't@1))");
    // Counts, quantities and units of time are a question's constraints, not its topic.
    EXPECT_EQ(describe("prepare in two weeks"), "Query((Zprepar@1 AND_MAYBE 0.25 * (Ztwo@2 OR Zweek@3)))");
    EXPECT_EQ(describe("how many problems"), "Query((Zproblem@2 AND_MAYBE 0.25 * Zmani@1))");
    // Nothing but filler: all of it.
    EXPECT_EQ(describe("should I"), "Query(Zshould@1)");
}

// A set phrase frames a question: "front" in "in front of" is filler, in "front
// end" a topic; "come up" and "ran out" say nothing of what is asked.
TEST_F(QueryBuilderTest, SetPhrasesAreFiller) {
    EXPECT_EQ(describe("nervous in front of people"),
              "Query(((Znervous@1 AND Zpeopl@3) AND_MAYBE 0.25 * Zfront@2))");
    EXPECT_EQ(describe("front end people"), "Query((Zfront@1 AND Zend@2 AND Zpeopl@3))");
    EXPECT_EQ(describe("questions that come up"), "Query((Zquestion@1 AND_MAYBE 0.25 * (Zcome@2 OR Zup@3)))");
    EXPECT_EQ(describe("ran out of time"), "Query((Ztime@3 AND_MAYBE 0.25 * (Zran@1 OR Zout@2)))");
    // Not across punctuation or an operator.
    EXPECT_EQ(describe("in front, of people"), "Query((Zfront@1 AND Zpeopl@2))");
    EXPECT_EQ(describe("come OR up"), "Query((Zcome@1 OR Zup@2))");
}

// A query's own language has stopwords and filler too; another language's do not apply.
TEST_F(QueryBuilderTest, StopwordsAndFillerOfTheQuerysLanguage) {
    QueryBuilder japanese(db_, no_synonyms_, "ja");
    EXPECT_EQ(japanese.build("メッセージキューとタスクキューの違い", {}).get_description(),
              "Query((((Zメッセージキュー@1 OR Zタスク@2 OR Zキュー@3) FILTER ((Zメッセージキュー@1 AND Zタスク@2) OR "
              "(Zメッセージキュー@1 AND Zキュー@3) OR (Zタスク@2 AND Zキュー@3))) AND_MAYBE 0.25 * Z違い@4))");
    QueryBuilder polish(db_, no_synonyms_, "pl");
    EXPECT_EQ(polish.build("jak działa jest", {}).get_description(), "Query(Zdziała@1)");
    EXPECT_EQ(describe("jest snapshot"), "Query((Zjest@1 AND Zsnapshot@2))");
    // The language its words tell, not the index's: Polish stems, English words.
    EXPECT_EQ(polish.build("jest snapshot", {}).get_description(), "Query((Zjest@1 AND Zsnapshot@2))");
}

// Issue 14: in a whole question, words most pages hold add score but are not needed.
TEST_F(QueryBuilderTest, CommonWordsOfWholeQuestionsAreNotNeeded) {
    for (int i = 0; i < 30; ++i) {
        Record record;
        record.id = "r" + std::to_string(i);
        record.title = i == 0 ? "Getting stuck in a coding interview" : "Coding interview number " + std::to_string(i);
        db_.add_document(indexer::build_document(record));
    }
    EXPECT_EQ(describe("what if I get stuck during a coding interview"),
              "Query((Zstuck@3 AND_MAYBE (Zcode@5 OR Zinterview@6 OR 0.25 * (Zif@1 OR Zget@2 OR Zdure@4))))");
    // Two of them alone are needed: nothing else is left.
    EXPECT_EQ(describe("coding interview"), "Query((Zcode@1 AND Zinterview@2))");
    // Relaxed, the common words match too: the rare one may be in no page at all.
    EXPECT_EQ(builder_.build("stuck during a coding interview", {}, Xapian::Query::OP_OR).get_description(),
              "Query(((Zstuck@1 OR Zcode@3 OR Zinterview@4) AND_MAYBE 0.25 * Zdure@2))");
    // Words standing together earn a bonus; common words of a whole question do not pair.
    EXPECT_EQ(builder_.nearness("coding interview").get_description(),
              "Query(0.5 * (coding@1 NEAR 3 interview@2))");
    EXPECT_EQ(builder_.nearness("what if I get stuck during a coding interview").get_description(), "Query()");
    EXPECT_EQ(builder_.nearness("stuck alpha").get_description(), "Query(0.5 * (stuck@1 NEAR 3 alpha@2))");
    // Three in a row with a common word among them: a phrase of a title.
    EXPECT_EQ(builder_.nearness("stuck coding interview alpha").get_description(),
              "Query(0.5 * ((Sstuck@1 PHRASE 3 Scoding@2 PHRASE 3 Sinterview@3) OR "
              "(Scoding@2 PHRASE 3 Sinterview@3 PHRASE 3 Salpha@4)))");
    EXPECT_EQ(builder_.nearness("\"stuck alpha\" OR beta").get_description(), "Query()");
    // A word that makes no term ("+") pairs with nothing.
    EXPECT_EQ(builder_.nearness("stuck + alpha").get_description(), "Query()");
}

// The nearness bonus adds to a page what each pair standing together in it
// earns alone, and nothing for pairs whose words are apart. Xapian 1.4.22 gave
// some pages the weight of pairs that are apart when the pairs were OR-ed on the
// optional side of AND_MAYBE under a filter (8 of these 200 pages).
TEST(Nearness, AddsWhatEachPairStandingTogetherEarns) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::string> topic{"alpha", "beta", "gamma", "delta"};
    std::mt19937 random(1);
    for (int page = 0; page < 200; ++page) {
        std::vector<std::string> words;
        for (int i = 0; i < 50; ++i) words.push_back("w" + std::to_string(random() % 30));
        for (const std::string& w : topic)
            if (random() % 2) words[random() % words.size()] = w;
        Xapian::Document doc;
        for (std::size_t i = 0; i < words.size(); ++i) doc.add_posting(words[i], static_cast<Xapian::termpos>(i + 1));
        doc.add_term("common");
        doc.add_boolean_term("Len");
        db.add_document(doc);
    }
    auto weights = [&](const Xapian::Query& q) {
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        std::map<Xapian::docid, double> out;
        Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
        for (auto it = all.begin(); it != all.end(); ++it) out[*it] = it.get_weight();
        return out;
    };
    auto pair = [](const std::string& a, Xapian::termpos at, const std::string& b) {
        const Xapian::Query words[] = {Xapian::Query(a, 1, at), Xapian::Query(b, 1, at + 1)};
        return Xapian::Query(Xapian::Query::OP_NEAR, std::begin(words), std::end(words), 3);
    };
    const std::vector<Xapian::Query> pairs{pair("alpha", 1, "beta"), pair("beta", 2, "gamma"),
                                           pair("gamma", 3, "delta")};
    const Xapian::Query near(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), schema::kNearnessWeight);
    const Xapian::Query words[] = {Xapian::Query("alpha"), Xapian::Query("beta"), Xapian::Query("gamma"),
                                   Xapian::Query("common")};
    const Xapian::Query any_word(Xapian::Query::OP_OR, std::begin(words), std::end(words));
    const Xapian::Query base(Xapian::Query::OP_FILTER, any_word, Xapian::Query("Len"));
    std::map<Xapian::docid, double> expected = weights(base);
    for (const Xapian::Query& p : pairs)
        for (const auto& [doc, weight] : weights(p)) expected[doc] += schema::kNearnessWeight * weight;
    const std::map<Xapian::docid, double> ranked = weights(with_nearness(base, near));
    ASSERT_EQ(ranked.size(), expected.size());
    for (const auto& [doc, weight] : expected) EXPECT_NEAR(ranked.at(doc), weight, 1e-9) << "page " << doc;
}

// Issue 15: a ')' before any operator used to loop forever looking for one.
TEST_F(QueryBuilderTest, Issue15_ParenthesesBeforeAnOperatorAreParsed) {
    const std::pair<std::string, std::string> cases[] = {
        {"(cache)", "Query(Zcach@1)"},
        {"cache)", "Query(Zcach@1)"},
        {")", "Query()"},
        {"()", "Query()"},
        {"(stakeholder management) NOT conflict", "Query(((Zstakehold@1 AND Zmanag@2) AND_NOT Zconflict@3))"},
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(describe(text), expected) << text;
}

TEST_F(QueryBuilderTest, RelaxedQueriesOrTheirWords) {
    EXPECT_EQ(builder_.build("thundering herd", {}, Xapian::Query::OP_OR).get_description(),
              "Query((Zthunder@1 OR Zherd@2))");
    // A filler word alone does not make a match ("difference" is on many pages).
    EXPECT_EQ(builder_.build("thundering herd versus", {}, Xapian::Query::OP_OR).get_description(),
              "Query(((Zthunder@1 OR Zherd@2) AND_MAYBE 0.25 * Zversus@3))");
}

TEST_F(QueryBuilderTest, ChineseAndJapaneseAreCutIntoWords) {
    // Their particles are stopwords of the language the words tell ("是", "と", "は").
    EXPECT_EQ(describe("是事件委托"), "Query((Z事件@1 AND Z委托@2))");
    EXPECT_EQ(describe("キャッシュとは"), "Query(Zキャッシュ@1)");
    EXPECT_EQ(describe("\"事件委托\""), "Query((事件@1 PHRASE 2 委托@2))");
}

// Issue 13: each rewrite is one function of the tree.
TEST_F(QueryBuilderTest, NearAndAdjUseUnstemmedWords) {
    EXPECT_EQ(describe("caching NEAR/3 misses"), "Query((caching@1 NEAR 3 misses@2))");
    EXPECT_EQ(describe("cache ADJ miss"), "Query((cache@1 PHRASE 10 miss@2))");
}

TEST_F(QueryBuilderTest, SynonymsAreOneConcept) {
    Synonyms synonyms;
    synonyms.add_text("css, cascading style sheets\n", "test");
    QueryBuilder builder(db_, synonyms);
    EXPECT_EQ(builder.build("css specificity", {}).get_description(),
              "Query(((Zcss@1 SYNONYM (cascading@2 PHRASE 3 style@3 PHRASE 3 sheets@4)) AND Zspecif@5))");
}

// A concept typed in several words relaxes to its words apart, as the same words
// typed in another order do ("compensation total"); typed as one word, it does not.
TEST_F(QueryBuilderTest, AConceptTypedInWordsRelaxesToThem) {
    Synonyms synonyms;
    synonyms.add_text("tc, total compensation\n", "test");
    QueryBuilder builder(db_, synonyms);
    EXPECT_TRUE(builder.can_relax("total compensation"));
    EXPECT_FALSE(builder.can_relax("tc"));
    EXPECT_EQ(builder.build("total compensation", {}).get_description(),
              "Query(((total@1 PHRASE 2 compensation@2) SYNONYM Ztc@3))");
    EXPECT_EQ(builder.build("total compensation", {}, Xapian::Query::OP_OR).get_description(),
              "Query((((total@1 PHRASE 2 compensation@2) SYNONYM Ztc@3) OR Ztotal@4 OR Zcompens@5))");
}

TEST_F(QueryBuilderTest, RelaxingNeedsTwoWordsJoinedByDefault) {
    EXPECT_TRUE(builder_.can_relax("thundering herd"));
    EXPECT_FALSE(builder_.can_relax("herd"));
    EXPECT_FALSE(builder_.can_relax("\"thundering herd\""));
    EXPECT_FALSE(builder_.can_relax("herd level:senior"));
    EXPECT_TRUE(builder_.can_relax("(kafka rabbitmq) OR queue"));
}

TEST(QuerySpelling, CorrectionKeepsTheRestAsTyped) {
    test::TempDir dir;  // spelling data needs a real backend
    Xapian::WritableDatabase db(dir.str("index"), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    Xapian::Document doc;
    for (const char* word : {"successful", "internship", "kafka", "Zreconcil"}) doc.add_term(word);
    db.add_document(doc);
    for (const char* word : {"successful", "internship", "위치", "closet", "reconciliation"}) db.add_spelling(word);
    db.commit();
    Synonyms none;
    QueryBuilder builder(db, none);
    using Correction = QueryBuilder::Correction;
    EXPECT_EQ(builder.correct_spelling("Sucessful +internshp level:senior \"kafka\""),
              (Correction{"successful +internship level:senior \"kafka\"", true, false}));
    EXPECT_EQ(builder.correct_spelling("successful clo* closu* title:internshp"), std::nullopt);  // wildcards, fields
    // A word found by its stem ("reconcil") is found somewhere.
    EXPECT_EQ(builder.correct_spelling("reconcilation"), (Correction{"reconciliation", false, false}));
    // Issue 14: one edit in Hangul changes a whole syllable ("위임" is not a typo of "위치").
    EXPECT_EQ(builder.correct_spelling("위임"), std::nullopt);
}

// Of index words one edit from a typo, the one that stands beside the words typed
// next to it: "siging bonus" is "signing bonus", though "sizing" is the commoner word.
TEST(QuerySpelling, ATypoIsTheNearWordFoundBesideTheOthers) {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir.str("index"), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    auto add = [&](const std::string& body, int copies) {
        for (int i = 0; i < copies; ++i) {
            Record record;
            record.id = body + std::to_string(i);
            record.title = body;
            Xapian::Document doc = indexer::build_document(record);
            for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term)
                if (std::islower(static_cast<unsigned char>((*term)[0]))) db.add_spelling(*term);
            db.add_document(doc);
        }
    };
    add("signing bonus", 2);
    add("sizing estimates", 5);
    add("sliding window", 1);
    add("consistent hashing", 1);
    db.commit();
    Synonyms none;
    QueryBuilder builder(db, none);
    using Correction = QueryBuilder::Correction;
    EXPECT_EQ(builder.correct_spelling("siging bonus"), (Correction{"signing bonus", true, false}));
    EXPECT_EQ(builder.correct_spelling("a big siging bonus"), (Correction{"a big signing bonus", true, false}));
    // No page has either word after "bonus", nor has anything beside a word typed alone: the commonest.
    EXPECT_EQ(builder.correct_spelling("bonus siging"), (Correction{"bonus sizing", true, false}));
    EXPECT_EQ(builder.correct_spelling("siging"), (Correction{"sizing", true, false}));
    EXPECT_EQ(builder.correct_spelling("siding window"), (Correction{"sliding window", true, false}));
    // The stem of "consistant" is that of "consistent": the typed word finds its pages.
    EXPECT_EQ(builder.correct_spelling("consistant hashing"), (Correction{"consistent hashing", false, true}));
}

// Issue 14: a prefix that begins more words than one search takes is said, not silently cut.
TEST_F(QueryBuilderTest, WidePrefixesAreNamed) {
    Xapian::Document doc;
    for (int i = 0; i < 300; ++i) doc.add_term("clo" + std::to_string(1000 + i));
    doc.add_term("closure");
    db_.add_document(doc);
    builder_.build("clo* closu*", {});
    EXPECT_EQ(builder_.wide_prefixes(), std::vector<std::string>{"clo*"});
    builder_.build("closu*", {});
    EXPECT_TRUE(builder_.wide_prefixes().empty());
}

// Issue 15: bounds on one query.
TEST_F(QueryBuilderTest, Issue15_BoundsOnOneQuery) {
    std::string words;
    for (int i = 0; i < 300; ++i) words += "w" + std::to_string(i) + " ";
    expect_error([&] { describe(words); }, Error::Kind::BadInput,
                 "query of 300 words is longer than the limit of 256: shorten it to the words that matter");
    expect_error([&] { describe(std::string(9000, 'x')); }, Error::Kind::BadInput,
                 "query of 9000 bytes is longer than the limit of 8192: shorten it to the words that matter");
}

// Found by query_fuzz: NEAR/ADJ beside a word that parses to a phrase made Xapian
// throw out of the query's constructor.
TEST_F(QueryBuilderTest, Issue15_FuzzNearBesideAPhraseIsBothWords) {
    EXPECT_NO_THROW(describe("\xD0\xA7\xD1\x82\xD0\xBE ADJ/99 ADJ/\xD0\xB7\x1d$\xD0\xB8\xD0\xB5?"));
    EXPECT_EQ(describe("cache NEAR front-end"), "Query((cache@1 AND (front@2 PHRASE 2 end@3)))");
}

}  // namespace
}  // namespace qbank::query
