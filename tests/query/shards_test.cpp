// Issue 18: a collection built as shards by separate jobs and searched through a
// stub gives what one index of the same pages gives.
#include "qbank/shards.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

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

// A socket listening on a free loopback port (the kernel's choice); it accepts
// connections into its backlog and never answers them.
class SilentListener {
public:
    SilentListener() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 || ::listen(fd_, 8) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0)
            ADD_FAILURE() << "cannot listen on loopback";
        port_ = ntohs(address.sin_port);
    }
    ~SilentListener() { ::close(fd_); }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;

    unsigned port() const { return port_; }

private:
    int fd_;
    unsigned port_ = 0;
};

// xapian-tcpsrv (Debian xapian-tools) serving one index on a free loopback port,
// in a process group of its own, stopped with the connections it forked.
class TcpServer {
public:
    explicit TcpServer(const std::string& db) {
        unsigned port = 0;
        {
            SilentListener probe;  // a port free a moment ago; the server binds it next
            port = probe.port();
        }
        address_ = "remote:127.0.0.1:" + std::to_string(port);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::setpgid(0, 0);
            int null = ::open("/dev/null", O_WRONLY);  // it reports each closed connection
            ::dup2(null, 1);
            ::dup2(null, 2);
            std::string port_text = std::to_string(port);
            ::execl("/usr/bin/xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                    port_text.c_str(), db.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Ready once it accepts a connection.
        for (int i = 0; i < 500; ++i) {
            int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(static_cast<std::uint16_t>(port));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
            ::close(fd);
            if (up) return;
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ADD_FAILURE() << "xapian-tcpsrv did not start on port " << port << " (install xapian-tools)";
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGKILL);
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }
    const std::string& address() const { return address_; }

private:
    pid_t pid_ = 0;
    std::string address_;
};

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

// The same hits, scores, excerpts and facet counts as the whole index.
void expect_searches_as_whole(Searcher& whole, Searcher& sharded) {
    for (const std::string query : {"cache", "shard replica", "leader quorum gossip", "\"bloom filter\"", "thread*",
                                     "title:lock", "explain the window", "tag:networking", "mutex -socket",
                                     "quorum xqzvv", "retry latency"}) {
        SCOPED_TRACE(query);
        SearchRequest request{query, {}, 0, 10};
        request.facets = {"level", "category", "tag"};
        SearchResult one = whole.search(request), many = sharded.search(request);
        EXPECT_EQ(one.total, many.total);
        EXPECT_EQ(one.relaxed, many.relaxed);
        EXPECT_TRUE(many.missing_shards.empty());
        ASSERT_EQ(one.hits.size(), many.hits.size());
        // Documents of equal score may come in another order: their docids differ.
        auto by_score = [](std::vector<Hit> hits) {
            std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
                return a.partial != b.partial ? b.partial
                                              : a.score != b.score ? a.score > b.score : a.record.id < b.record.id;
            });
            return hits;
        };
        std::vector<Hit> a = by_score(one.hits), b = by_score(many.hits);
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].record, b[i].record);
            EXPECT_NEAR(a[i].score, b[i].score, 1e-9);
            EXPECT_EQ(a[i].partial, b[i].partial);
            EXPECT_EQ(a[i].excerpt.text, b[i].excerpt.text);
        }
        // Counts are exact over every shard ("Networking" and "networking" count as one value).
        EXPECT_EQ(one.facets, many.facets);
        EXPECT_EQ(many.facets.at("tag").size(), one.facets.at("tag").size());
    }
    // Sorted by level, questions of no level last either way, as one index sorts them.
    for (bool descending : {false, true}) {
        SearchRequest request{"cache", {}, 0, 30};
        request.sort = {SortBy::Level, descending};
        std::vector<std::pair<std::optional<Level>, double>> one, many;
        for (const Hit& h : whole.search(request).hits) one.emplace_back(h.record.level, h.score);
        for (const Hit& h : sharded.search(request).hits) many.emplace_back(h.record.level, h.score);
        EXPECT_EQ(one, many);
    }
    EXPECT_EQ(whole.stats().facets, sharded.stats().facets);
}

TEST_F(ShardsTest, TheStubSearchesAsOneIndex) {
    Searcher whole(dir_.str("whole"));
    Searcher sharded(dir_.str("stub"));
    expect_searches_as_whole(whole, sharded);
}

// Served by xapian-tcpsrv, which runs Xapian's own classes only: the order of
// hits and the facet counts must come from those.
TEST_F(ShardsTest, RemoteShardsSearchAsOneIndex) {
    TcpServer one(dir_.str("shard1")), two(dir_.str("shard2")), three(dir_.str("shard3"));
    write_shard_stub(dir_.str("remote"), {one.address(), two.address(), three.address()});
    Searcher whole(dir_.str("whole"));
    Searcher remote(dir_.str("remote"));
    expect_searches_as_whole(whole, remote);
    // Spelling data stays on the servers: the stub's lexicon corrects as the whole index does.
    SearchRequest typo{"quorom", {}, 0, 10};
    EXPECT_EQ(remote.search(typo).corrected_query, whole.search(typo).corrected_query);
    EXPECT_EQ(remote.search(typo).corrected_query, std::optional<std::string>("quorum"));
}

TEST_F(ShardsTest, AShardThatDoesNotAnswerIsNamedAndTheOthersAnswer) {
    TcpServer one(dir_.str("shard1")), two(dir_.str("shard2"));
    SilentListener silent;  // accepts, never answers: the timeout decides
    const std::string hung = "remote:127.0.0.1:" + std::to_string(silent.port());
    write_shard_stub(dir_.str("remote"), {one.address(), two.address()});
    std::ofstream(dir_.str("remote") + "/XAPIANDB", std::ios::app) << "remote " << hung.substr(7) << "\n";
    two.stop();
    SearcherOptions options;
    options.shard_timeout = 0.5;
    Searcher remote(dir_.str("remote"), options);
    SearchRequest request{"cache", {}, 0, 100};
    SearchResult r = remote.search(request);
    ASSERT_EQ(r.missing_shards.size(), 2u);
    EXPECT_EQ(r.missing_shards[0].shard, two.address());
    EXPECT_NE(r.missing_shards[0].error.find("Connection refused"), std::string::npos) << r.missing_shards[0].error;
    EXPECT_EQ(r.missing_shards[1].shard, hung);
    EXPECT_NE(r.missing_shards[1].error.find("Timeout"), std::string::npos) << r.missing_shards[1].error;
    // What shard 1 holds, and nothing else.
    Searcher first(dir_.str("shard1"));
    EXPECT_EQ(r.total, first.search(request).total);
    EXPECT_EQ(remote.stats().documents, shards_[0]);
    EXPECT_EQ(remote.stats().missing_shards, r.missing_shards);
    // A shard that stops answering while open is left out at the next search.
    Searcher whole_stub(dir_.str("stub"));
    TcpServer again(dir_.str("shard2"));
    write_shard_stub(dir_.str("remote2"), {one.address(), again.address()});
    Searcher later(dir_.str("remote2"), options);
    EXPECT_TRUE(later.search(request).missing_shards.empty());
    again.stop();
    SearchResult after = later.search(request);
    ASSERT_EQ(after.missing_shards.size(), 1u);
    EXPECT_EQ(after.missing_shards[0].shard, again.address());
    EXPECT_EQ(after.total, first.search(request).total);
    // None answering is an error, not an empty result.
    one.stop();
    EXPECT_THROW(Searcher(dir_.str("remote2"), options), IndexIOError);
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
    // Every shard must answer: the stub's lexicon holds the words of all of them.
    EXPECT_EQ(message({"local:" + dir_.str("shard1"), "remote:127.0.0.1:1"}),
              "cannot open the shards of stub " + dir_.str("stub2.writing") +
                  ": Couldn't connect: Connection refused: start every shard's server, or leave it out");
    EXPECT_FALSE(std::filesystem::exists(dir_.str("stub2.writing")));
    TcpServer server(dir_.str("shard2"));
    EXPECT_EQ(message({"local:" + dir_.str("shard1"), server.address()}), "written");
    std::ifstream stub(dir_.str("stub2") + "/XAPIANDB");
    std::string text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "auto " + dir_.str("shard1") + "\n" + "remote " + server.address().substr(7) + "\n");
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
