// The query as typed -> one tree: the only scanner of query text.

#include "query/query_syntax.h"

#include <gtest/gtest.h>


namespace qbank::query {
namespace {

std::string tree(const std::string& text) { return describe(parse_query_syntax(text).root); }

TEST(QuerySyntax, WordsPhrasesFieldsAndOccurrences) {
    const std::pair<std::string, std::string> cases[] = {
        {"", "()"},
        {"thundering herd", "(thundering herd)"},
        {"\"event loop\" closure?", "(\"event loop\" closure?)"},
        {"title:herd tag:\"Risk Management\"", "(title:herd tag:\"Risk Management\")"},
        {"Title:Scaling", "(title:Scaling)"},
        {"+kafka -rabbitmq c++ -", "(+kafka -rabbitmq c++ -)"},
        {"std::vector http://x.io/a a:", "(std::vector http://x.io/a a:)"},  // colons that name no field
        {"and or not", "(and or not)"},                                        // operators are capitals
        {"clo*", "(clo*)"},
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(tree(text), expected) << text;
}

TEST(QuerySyntax, OperatorsBindAsInXapian) {
    const std::pair<std::string, std::string> cases[] = {
        {"a b OR c", "(((a b) OR (c)))"},
        {"a OR b AND c", "(((a) OR ((b) AND (c))))"},
        {"a AND NOT b", "(((a) NOT (b)))"},
        {"NOT b", "((<all> NOT (b)))"},
        {"a XOR b", "(((a) XOR (b)))"},
        {"cache NEAR/3 miss", "((cache NEAR/3 miss))"},
        {"cache ADJ miss", "((cache ADJ/10 miss))"},
        {"(a b) OR (c d)", "((((a b)) OR ((c d))))"},
        {"(a OR b", "(((a) OR (b)))"},  // a group left open closes at the end
        {") a )", "(a)"},              // a ")" that closes nothing is ignored
        {"()", "()"},
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(tree(text), expected) << text;
}

TEST(QuerySyntax, OffsetsPointIntoTheText) {
    std::string text = "  +Kafka \"event loop\"";
    QueryNode root = parse_query_syntax(text).root;
    ASSERT_EQ(root.children.size(), 2u);
    EXPECT_EQ(text.substr(root.children[0].begin, root.children[0].end - root.children[0].begin), "+Kafka");
    EXPECT_EQ(text.substr(root.children[1].begin, root.children[1].end - root.children[1].begin), "event loop");
}

TEST(QuerySyntax, OperatorsAreNoted) {
    EXPECT_FALSE(parse_query_syntax("how do I scale a cache").operators);
    EXPECT_TRUE(parse_query_syntax("scale +cache").operators);
    EXPECT_TRUE(parse_query_syntax("scale OR cache").operators);
}

// Issue 15: text that breaks the syntax, as people paste it, is read as words.
TEST(QuerySyntax, BrokenSyntaxIsReadAsWords) {
    const std::pair<std::string, std::string> cases[] = {
        {"OR herd", "(OR herd)"},
        {"herd AND", "(herd AND)"},
        {"a NEAR (b c)", "(a NEAR (b c))"},
        {"AND", "(AND)"},
        {"select * from t where id = 1 AND", "(select * from t where id = 1 AND)"},
    };
    for (const auto& [text, expected] : cases) EXPECT_EQ(tree(text), expected) << text;
}

std::size_t depth(const QueryNode& node) {
    std::size_t deepest = 0;
    for (const QueryNode& child : node.children) deepest = std::max(deepest, depth(child));
    return deepest + 1;
}

// Every rewrite walks the tree recursively: thousands of nested groups must not
// make it thousands deep. Deep groups are flattened; the words stay.
TEST(QuerySyntax, DeepGroupsAreFlattened) {
    const std::string deep = std::string(5000, '(') + "herd OR cache" + std::string(5000, ')') + " conflict";
    ParsedQuery parsed = parse_query_syntax(deep);
    EXPECT_LE(depth(parsed.root), 2u * 33 + 2);
    std::string described = describe(parsed.root);
    EXPECT_NE(described.find("herd"), std::string::npos);
    EXPECT_NE(described.find("cache"), std::string::npos);
    EXPECT_NE(described.find("conflict"), std::string::npos);
    EXPECT_EQ(tree("((((a))))"), "(((((a)))))");  // shallow groups stay groups
}

}  // namespace
}  // namespace qbank::query
