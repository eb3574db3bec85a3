// Issue 18: a collection built as shards by separate jobs and searched through a
// stub gives what one index of the same pages gives.
#include "qbank/shards.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/searcher.h"

namespace qbank {
namespace {

// Distinct pages from a small vocabulary (seeded, so every run sees the same
// ones), with levels, categories and tags to count.
void write_pages(const std::string& path) {
    const char* words[] = {"cache",  "shard",   "replica", "queue",  "latency", "index",  "hash",   "graph",
                           "tree",   "retry",   "backoff", "quorum", "leader",  "gossip", "bloom",  "filter",
                           "stream", "batch",   "window",  "commit", "lock",    "mutex",  "thread", "socket"};
    const char* levels[] = {"Junior", "Mid", "Senior", "Staff+"};
    const char* categories[] = {"System Design", "Coding", "Behavioral"};
    std::mt19937 random(18);
    auto word = [&] { return std::string(words[random() % std::size(words)]); };
    std::ofstream out(path);
    for (std::size_t i = 0; i < 90; ++i) {
        std::string answer;
        for (std::size_t k = 0; k < 12 + i % 5; ++k) answer += word() + (k % 4 == 3 ? ". " : " ");
        out << R"({"title": "How does a )" << word() << " " << word() << R"( work", )"
            << R"("question": "Explain the )" << word() << " of a " << word() << R"( number )" << i << R"(.", )"
            << R"("level": ")" << levels[i % 4] << R"(", "category": ")" << categories[i % 3] << R"(", )"
            << R"("tags": [")" << word() << R"(", ")" << (i % 2 ? "Networking" : "networking") << R"("], )"
            << R"("sections": [{"heading": "Answer", "text": ")" << answer << "\"}]}\n";
    }
}

IndexSummary index_pages(const std::string& pages, const std::string& db, IndexOptions::Shard shard = {}) {
    IndexOptions options;
    options.shard = shard;
    Indexer indexer(db, options);
    indexer.add_path(pages);
    IndexSummary summary = indexer.commit();
    for (const auto& p : summary.problems) ADD_FAILURE() << p.to_string();
    return summary;
}

class ShardsTest : public ::testing::Test {
protected:
    void SetUp() override {
        write_pages(dir_.str("pages.jsonl"));
        index_pages(dir_.str("pages.jsonl"), dir_.str("whole"));
        for (unsigned k = 1; k <= 3; ++k)
            shards_.push_back(index_pages(dir_.str("pages.jsonl"), dir_.str("shard" + std::to_string(k)), {k, 3}).added);
        write_shard_stub(dir_.str("stub"),
                         {"local:" + dir_.str("shard1"), "local:" + dir_.str("shard2"), "local:" + dir_.str("shard3")});
    }

    test::TempDir dir_;
    std::vector<std::size_t> shards_;  // records each shard took
};

TEST_F(ShardsTest, EveryRecordIsInOneShard) {
    for (std::size_t added : shards_) EXPECT_GT(added, 15u);  // an id hash spreads 90 records
    std::size_t sum = 0;
    for (std::size_t added : shards_) sum += added;
    EXPECT_EQ(sum, 90u);
    EXPECT_EQ(Searcher(dir_.str("stub")).stats().documents, 90u);
}

TEST_F(ShardsTest, TheStubSearchesAsOneIndex) {
    Searcher whole(dir_.str("whole"));
    Searcher sharded(dir_.str("stub"));
    for (const std::string query : {"cache", "shard replica", "leader quorum gossip", "\"bloom filter\"", "thread*",
                                     "title:lock", "explain the window", "tag:networking", "mutex -socket"}) {
        SCOPED_TRACE(query);
        SearchRequest request{query, {}, 0, 10};
        request.facets = {"level", "category", "tag"};
        SearchResult one = whole.search(request), many = sharded.search(request);
        EXPECT_EQ(one.total, many.total);
        ASSERT_EQ(one.hits.size(), many.hits.size());
        // Documents of equal score may come in another order: their docids differ.
        auto by_score = [](std::vector<Hit> hits) {
            std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
                return a.score != b.score ? a.score > b.score : a.record.id < b.record.id;
            });
            return hits;
        };
        std::vector<Hit> a = by_score(one.hits), b = by_score(many.hits);
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].record, b[i].record);
            EXPECT_NEAR(a[i].score, b[i].score, 1e-9);
            EXPECT_EQ(a[i].excerpt.text, b[i].excerpt.text);
        }
        // Counts are exact over every shard ("Networking" and "networking" count as one value).
        EXPECT_EQ(one.facets, many.facets);
        EXPECT_EQ(many.facets.at("tag").size(), one.facets.at("tag").size());
    }
}

TEST_F(ShardsTest, AShardIsNotUpdatedAsAnotherOrAsAWhole) {
    try {
        index_pages(dir_.str("pages.jsonl"), dir_.str("shard1"));
        FAIL() << "a whole run went into shard 1";
    } catch (const BadInputError& e) {
        EXPECT_EQ(std::string(e.what()), "index " + dir_.str("shard1") +
                                             " holds shard 1/3, not every record: run with --shard 1/3, or rebuild it "
                                             "with --full");
    }
    EXPECT_THROW(index_pages(dir_.str("pages.jsonl"), dir_.str("shard1"), {2, 3}), BadInputError);
    EXPECT_THROW(index_pages(dir_.str("pages.jsonl"), dir_.str("whole"), {1, 3}), BadInputError);
    EXPECT_THROW(index_pages(dir_.str("pages.jsonl"), dir_.str("other"), {4, 3}), BadInputError);
    // The same shard again changes nothing.
    IndexSummary again = index_pages(dir_.str("pages.jsonl"), dir_.str("shard2"), {2, 3});
    EXPECT_EQ(again.added + again.updated + again.removed, 0u);
}

TEST_F(ShardsTest, AStubListsIndexesOrServersOnly) {
    auto message = [&](const std::vector<std::string>& shards) {
        try {
            write_shard_stub(dir_.str("stub2"), shards);
        } catch (const BadInputError& e) {
            return std::string(e.what());
        }
        return std::string("written");
    };
    EXPECT_EQ(message({"local:" + dir_.str("nothing")}),
              "shard local:" + dir_.str("nothing") + ": no index at " + dir_.str("nothing") +
                  ": build it first with qbank index --shard K/N --db " + dir_.str("nothing"));
    EXPECT_EQ(message({"remote:host"}), "shard remote:host: give the address as remote:HOST:PORT (remote:10.0.0.2:7001)");
    EXPECT_EQ(message({"remote:host:99999"}),
              "shard remote:host:99999: give the address as remote:HOST:PORT (remote:10.0.0.2:7001)");
    EXPECT_EQ(message({dir_.str("shard1")}), "shard '" + dir_.str("shard1") + "' is neither local:PATH nor remote:HOST:PORT");
    EXPECT_EQ(message({}), "a stub needs one shard at least: local:PATH or remote:HOST:PORT");
    EXPECT_EQ(message({"local:" + dir_.str("shard1"), "remote:10.0.0.2:7001"}), "written");
    std::ifstream stub(dir_.str("stub2") + "/XAPIANDB");
    std::string text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "auto " + dir_.str("shard1") + "\nremote 10.0.0.2:7001\n");
    // An index is no stub to replace.
    try {
        write_shard_stub(dir_.str("whole"), {"local:" + dir_.str("shard1")});
        FAIL() << "replaced an index by a stub";
    } catch (const BadInputError& e) {
        EXPECT_EQ(std::string(e.what()), dir_.str("whole") + " is no stub (it holds no XAPIANDB): choose another path");
    }
}

TEST_F(ShardsTest, ASearcherReadsANewStubWhenItReopens) {
    Searcher sharded(dir_.str("stub"));
    write_shard_stub(dir_.str("stub"), {"local:" + dir_.str("shard1")});
    EXPECT_EQ(sharded.stats().documents, 90u);  // still the list it opened
    sharded.reopen();
    EXPECT_EQ(sharded.stats().documents, shards_[0]);
}

}  // namespace
}  // namespace qbank
