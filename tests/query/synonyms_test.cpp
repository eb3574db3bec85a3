#include "query/synonyms.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../test_paths.h"
#include "qbank/error.h"
#include "query/query_builder.h"

namespace qbank::query {
namespace {

// The query's tree once synonyms are grouped: "(pm | \"product manager\")" is one concept.
std::string expand(const Synonyms& s, const std::string& query) { return describe(rewrite_query(query, s, "en")); }

TEST(Synonyms, ExpandsMembersIntoAlternatives) {
    Synonyms s;
    s.add_text("pm, product manager\n# comment\n\nk8s, kubernetes  # trailing comment\nci/cd, continuous delivery\n",
               "test");
    const std::pair<std::string, std::string> cases[] = {
        {"pm interview", "((pm | \"product manager\") interview)"},
        {"product manager", "((\"product manager\" | pm))"},
        {"k8s?", "((k8s | kubernetes))"},
        {"(k8s OR docker)", "((((k8s | kubernetes)) OR (docker)))"},
        {"ci/cd pipeline", "((ci/cd | \"continuous delivery\") pipeline)"},
        {"\"pm interview\"", "(\"pm interview\")"},  // phrases are exact
        {"title:pm", "(title:pm)"},                    // so are field terms
        {"-pm +k8s", "(-pm +(k8s | kubernetes))"},     // an excluded word is excluded as typed
        {"product AND manager", "(((product) AND (manager)))"},  // a member never spans an operator
        {"product? manager", "(product? manager)"},    // nor punctuation
        {"pmo", "(pmo)"},
        {"", "()"},
    };
    for (const auto& [query, expected] : cases) EXPECT_EQ(expand(s, query), expected) << query;
}

TEST(Synonyms, AWordInTwoGroupsFindsBoth) {
    Synonyms s;
    s.add_text("pm, product manager\npm, project manager\n", "test");
    EXPECT_EQ(expand(s, "pm"), "((pm | \"product manager\" | \"project manager\"))");
}

TEST(Synonyms, MembersAreFoldedLikeQueries) {
    Synonyms s;
    s.add_text("Ｋ8Ｓ, Kubernetes\n负载均衡, 负载平衡\n", "test");
    EXPECT_EQ(expand(s, "K8S"), "((k8s | kubernetes))");
    EXPECT_EQ(expand(s, "负载均衡"), "((\"负载 均衡\" | \"负载 平衡\"))");
}

TEST(Synonyms, MalformedGroupsNameFileAndLine) {
    Synonyms s;
    try {
        s.add_text("pm, product manager\njust-one\n", "mine.txt");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::BadInput);
        EXPECT_EQ(std::string(e.what()),
                  "mine.txt:2: a synonym group needs two or more words or phrases separated by commas, got 'just-one'");
    }
    EXPECT_THROW(s.add_text("caf\xE9, coffee\n", "latin1.txt"), Error);
    EXPECT_THROW(s.add_file("/nonexistent/synonyms.txt"), Error);
}

TEST(Synonyms, ShippedGroupsCoverTheCommonAbbreviations) {
    const Synonyms& s = Synonyms::shipped();
    for (const char* abbreviation : {"pm", "k8s", "sre", "ci/cd", "okr", "sla", "slo", "cdn", "dns", "xss", "i18n"})
        EXPECT_NE(expand(s, abbreviation), "(" + std::string(abbreviation) + ")") << abbreviation;
    EXPECT_EQ(expand(s, "star method"), "((\"star method\" | \"star technique\" | \"star format\" | \"star framework\" | "
                                        "\"star approach\"))");
}

TEST(Synonyms, UserFileAddsGroups) {
    test::TempDir dir;
    std::ofstream(dir.str("mine.txt")) << "lgtm, looks good to me\n";
    Synonyms s = Synonyms::shipped();
    s.add_file(dir.str("mine.txt"));
    EXPECT_EQ(expand(s, "lgtm"), "((lgtm | \"looks good to me\"))");
    EXPECT_EQ(expand(s, "k8s"), "((k8s | kubernetes))");
}

}  // namespace
}  // namespace qbank::query
