#include "capi/api_json.h"

#include <gtest/gtest.h>

#include "qbank/error.h"

namespace qbank::capi {
namespace {

TEST(ApiJson, EmptyAndNullMeanDefaults) {
    for (const char* text : {"", "null", "{}"}) {
        IndexOptions options = index_options_from_json(text);
        EXPECT_FALSE(options.full) << text;
        EXPECT_TRUE(options.prune) << text;
        EXPECT_EQ(options.flush_every, IndexOptions{}.flush_every) << text;
        EXPECT_FALSE(searcher_options_from_json(text).bm25_k1) << text;
    }
}

TEST(ApiJson, EveryKeyReachesItsField) {
    IndexOptions o = index_options_from_json(
        R"({"full": true, "prune": false, "jobs": 3, "max_bytes": 1024, "flush_every": 7, "format": "markdown",
            "exclude": ["LICENSE*"], "boilerplate_min_pages": 9, "boilerplate_min_share": 0.25,
            "min_boilerplate_chars": 30, "shard": {"index": 2, "count": 3}})");
    EXPECT_TRUE(o.full);
    EXPECT_FALSE(o.prune);
    EXPECT_EQ(o.jobs, 3u);
    EXPECT_EQ(o.max_bytes, 1024u);
    EXPECT_EQ(o.flush_every, 7u);
    EXPECT_EQ(o.format, Format::Markdown);
    EXPECT_EQ(o.exclude, std::vector<std::string>{"LICENSE*"});
    EXPECT_EQ(o.boilerplate_min_pages, 9u);
    EXPECT_EQ(o.boilerplate_min_share, 0.25);
    EXPECT_EQ(o.normalize.min_boilerplate_chars, 30u);
    EXPECT_EQ(o.shard.index, 2u);
    EXPECT_EQ(o.shard.count, 3u);

    SearchRequest r = search_request_from_json(
        R"({"query": "herd", "filters": ["level:Senior", "tag:C++"], "offset": 2, "limit": 4, "excerpt_chars": 120,
            "facets": ["tag"], "explain": true, "fields": ["title", "sections"], "sort": "level:desc",
            "highlight_open": "<b>", "highlight_close": "</b>", "facet_limit": 5})");
    EXPECT_EQ(r.query, "herd");
    ASSERT_EQ(r.filters.size(), 2u);
    EXPECT_EQ(r.filters[1].field, "tag");
    EXPECT_EQ(r.filters[1].value, "C++");
    EXPECT_EQ(r.offset, 2u);
    EXPECT_EQ(r.limit, 4u);
    EXPECT_EQ(r.excerpt_chars, 120u);
    EXPECT_EQ(r.facets, std::vector<std::string>{"tag"});
    EXPECT_TRUE(r.explain);
    EXPECT_EQ(r.fields, (std::vector<std::string>{"title", "sections"}));
    EXPECT_EQ(r.sort.by, SortBy::Level);
    EXPECT_TRUE(r.sort.descending);
    EXPECT_EQ(r.highlight_open + r.highlight_close, "<b></b>");
    EXPECT_EQ(r.facet_limit, 5u);
    EXPECT_EQ(search_request_from_json(R"({"query": "herd"})").facet_limit, 10u);  // the ten commonest by default

    SearcherOptions s =
        searcher_options_from_json(R"({"synonym_files": ["a.txt"], "bm25_k1": 1.5, "bm25_b": 0, "shard_timeout": 2.5})");
    EXPECT_EQ(s.shard_timeout, 2.5);
    EXPECT_EQ(s.synonym_files, std::vector<std::string>{"a.txt"});
    EXPECT_EQ(s.bm25_k1, 1.5);
    EXPECT_EQ(s.bm25_b, 0.0);
}

TEST(ApiJson, BadInputNamesTheKey) {
    struct Row {
        const char* text;
        const char* message;
    };
    const Row rows[] = {
        {"{", "search request is not valid JSON"},
        {"[1]", "search request must be a JSON object"},
        {R"({"limit": 3})", "a search request needs a \"query\""},
        {R"({"query": "x", "limt": 3})",
         "unknown key 'limt' in search request; known keys: excerpt_chars, explain, facet_limit, facets, fields, filters, highlight_close, highlight_open, limit, offset, query, sort"},
        {R"({"query": "x", "limit": -1})", "key 'limit' in search request has the wrong type: -1"},
        {R"({"query": "x", "limit": 2.5})", "key 'limit' in search request has the wrong type: 2.5"},
        {R"({"query": 7})", "key 'query' in search request has the wrong type: 7"},
        {R"({"query": "x", "filters": "level:Senior"})",
         "key 'filters' in search request has the wrong type: \"level:Senior\""},
        {R"({"query": "x", "filters": ["Senior"]})", "a filter is FIELD:VALUE, such as level:Senior; got 'Senior'"},
        {R"({"query": "x", "explain": "yes"})", "key 'explain' in search request has the wrong type: \"yes\""},
    };
    for (const Row& row : rows) {
        try {
            search_request_from_json(row.text);
            ADD_FAILURE() << "accepted " << row.text;
        } catch (const BadInputError& e) {
            EXPECT_STREQ(e.what(), row.message) << row.text;
        }
    }
    EXPECT_THROW(index_options_from_json(R"({"format": "pdf"})"), BadInputError);
    EXPECT_THROW(index_options_from_json(R"({"jobs": "2"})"), BadInputError);
    for (const char* shard :
         {R"("2/3")", R"({"index": 2})", R"({"index": 2, "count": 3, "of": 1})", R"({"index": -1, "count": 3})"})
        EXPECT_THROW(index_options_from_json(std::string(R"({"shard": )") + shard + "}"), BadInputError) << shard;
    EXPECT_THROW(index_options_from_json(R"({"jobs": 4294967296})"), BadInputError);  // would wrap to 0
    EXPECT_EQ(index_options_from_json(R"({"jobs": 4294967295})").jobs, 4294967295u);
    EXPECT_THROW(searcher_options_from_json(R"({"bm25_b": true})"), BadInputError);
    EXPECT_THROW(searcher_options_from_json(R"({"bm25_k1": "high"})"), BadInputError);
}

TEST(ApiJson, RecordIsOneLineUnderTheSourceItNames) {
    ApiRecord named = api_record_from_json("{\"title\": \"T\",\n \"source\": \"https://x/q\"}", "api");
    EXPECT_EQ(named.line.find('\n'), std::string::npos);
    EXPECT_EQ(named.source, "https://x/q");
    EXPECT_EQ(api_record_from_json(R"({"title": "T"})", "api").source, "api");
    EXPECT_THROW(api_record_from_json("[]", "api"), BadInputError);
    EXPECT_THROW(api_record_from_json("{", "api"), BadInputError);
}

}  // namespace
}  // namespace qbank::capi
