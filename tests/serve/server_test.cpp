// qbank serve (issue 19): the API answers over real HTTP on loopback, from a real
// index, in the shapes the library prints; errors are JSON with the library's kinds.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/json.h"
#include "serve/error_response.h"
#include "serve/request_params.h"

namespace qbank::serve {
namespace {

using nlohmann::json;

const std::string kQuestions = (test::source_dir() / "tests/serve/questions.jsonl").string();

void index_path(const std::string& db, const std::string& path) {
    Indexer indexer(db);
    indexer.add_path(path);
    IndexSummary summary = indexer.commit();
    for (const auto& p : summary.problems) ADD_FAILURE() << p.to_string();
}

// A server on a free loopback port, answering from its own thread.
class Running {
public:
    explicit Running(const std::string& db, std::chrono::milliseconds freshness = std::chrono::milliseconds(0))
        : server_(ServeOptions{.db = db, .listen = {"127.0.0.1", 0}, .threads = 4, .freshness = freshness}),
          thread_([this] { server_.run(); }), client_("127.0.0.1", server_.port()) {
        client_.set_url_encode(false);  // targets are written encoded, as a browser sends them
    }
    ~Running() {
        server_.stop();
        thread_.join();
    }

    // The status and body of GET `target`.
    std::pair<int, std::string> get(const std::string& target) {
        httplib::Result r = client_.Get(target);
        if (!r) return {0, "no answer: " + httplib::to_string(r.error())};
        return {r->status, r->body};
    }
    json get_json(const std::string& target, int status = 200) {
        auto [got, body] = get(target);
        EXPECT_EQ(got, status) << target << ": " << body;
        return json::parse(body);
    }
    int port() const { return server_.port(); }

private:
    Server server_;
    std::thread thread_;
    httplib::Client client_;
};

class ServeTest : public ::testing::Test {
protected:
    void SetUp() override { index_path(db_, kQuestions); }
    test::TempDir dir_;
    std::string db_ = dir_.str("index");
};

TEST_F(ServeTest, SearchAnswersWhatTheLibraryPrintsForTheSameRequest) {
    Running server(db_);
    auto [status, body] = server.get("/search?q=event+delegation&limit=2&filter=lang:en&facets=level,lang");
    ASSERT_EQ(status, 200) << body;
    SearchRequest request{.query = "event delegation", .filters = {{"lang", "en"}}, .limit = 2};
    request.facets = {"level", "lang"};
    EXPECT_EQ(body, search_result_to_json(Searcher(db_).search(request), request, -1));
    json result = json::parse(body);
    EXPECT_EQ(result["total"], 2);
    EXPECT_NE(result["hits"][0]["excerpt"].get<std::string>().find("<mark>"), std::string::npos);
    // '+' is a space and %XX a byte, as browsers write query strings.
    EXPECT_EQ(server.get_json("/search?q=c%2B%2B+templates&limit=0")["query"], "c++ templates");
}

TEST_F(ServeTest, ValuesOfOneFilterFieldOrAndFieldsAnd) {
    Running server(db_);
    // Two pages of level Junior, and the failure story's Junior sample answer.
    EXPECT_EQ(server.get_json("/search?filter=level:Junior")["total"], 3);
    EXPECT_EQ(server.get_json("/search?filter=level:Junior&filter=level:Mid")["total"], 5);
    EXPECT_EQ(server.get_json("/search?filter=level:Junior&filter=level:Mid&filter=lang:pt")["total"], 1);
    // The page's facets include the language by default.
    json facets = server.get_json("/search")["facets"];
    EXPECT_EQ(facets["lang"]["en"], 5);
    EXPECT_EQ(facets["lang"]["pt-BR"], 1);
}

TEST_F(ServeTest, QuestionsRelatedStatsAndHealth) {
    Running server(db_);
    std::string id = server.get_json("/search?q=load+balancer+pick")["hits"][0]["id"];
    json record = server.get_json("/questions/" + id);
    EXPECT_EQ(record["title"], "How does a load balancer pick a server?");
    EXPECT_EQ(record, json::parse(record_to_json(*Searcher(db_).find(id))));
    json related = server.get_json("/questions/" + id + "/related?limit=1");
    ASSERT_EQ(related["hits"].size(), 1u);
    EXPECT_EQ(related["hits"][0]["title"], "Design a load balancer for millions of users");
    EXPECT_EQ(server.get_json("/stats")["documents"], 6);
    EXPECT_EQ(server.get_json("/health")["status"], "ok");
}

TEST_F(ServeTest, FailuresAreJsonWithTheLibrarysKinds) {
    Running server(db_);
    auto kind = [&](const std::string& target, int status) {
        return server.get_json(target, status)["error"]["kind"].get<std::string>();
    };
    EXPECT_EQ(kind("/search?q=a&limt=3", 400), "bad_input");
    EXPECT_EQ(kind("/search?limit=101", 400), "bad_input");
    EXPECT_EQ(kind("/search?q=a&q=b", 400), "bad_input");
    EXPECT_EQ(kind("/search?filter=colour:red", 400), "bad_input");
    EXPECT_EQ(kind("/search?filter=level:banana", 400), "bad_input");
    EXPECT_EQ(kind("/search?explain=maybe", 400), "bad_input");
    std::string many_words;
    for (int i = 0; i < 300; ++i) many_words += "word+";
    EXPECT_EQ(kind("/search?q=" + many_words, 400), "bad_input");
    EXPECT_EQ(kind("/search?q=" + std::string(9000, 'a'), 414), "bad_request");
    EXPECT_EQ(kind("/questions/no-such-id", 404), "not_found");
    EXPECT_EQ(kind("/questions/no-such-id/related", 404), "not_found");
    EXPECT_EQ(kind("/no/such/endpoint", 404), "not_found");
    EXPECT_EQ(kind("/search?" + std::string(9000, 'a'), 414), "bad_request");
    EXPECT_EQ(kind("/questions/" + std::string(8000, 'q'), 404), "not_found");
    EXPECT_EQ(kind("/stats?x=1", 400), "bad_input");
    // A refused request's body is read with it: the next request on the connection is answered.
    httplib::Client client("127.0.0.1", server.port());
    client.set_keep_alive(true);
    httplib::Result posted = client.Post("/search", std::string(1000, 'x'), "text/plain");
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, 405);
    EXPECT_EQ(json::parse(posted->body)["error"]["kind"], "method_not_allowed");
    httplib::Result after = client.Get("/health");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
    httplib::Result large = client.Post("/search", std::string(100 * 1024, 'x'), "text/plain");
    ASSERT_TRUE(large);
    EXPECT_EQ(large->status, 413);
    // Byte ranges are ignored, however many are asked for: the whole answer comes.
    httplib::Result ranged = client.Get("/search?limit=100", {{"Range", "bytes=0-,0-,0-,0-"}});
    ASSERT_TRUE(ranged);
    EXPECT_EQ(ranged->status, 200);
    EXPECT_GT(json::parse(ranged->body)["total"], 0);
    // The query that used to hang the parser is answered.
    EXPECT_EQ(server.get_json("/search?q=%29")["total"], 0);
}

TEST_F(ServeTest, ABatchJobsCommitShowsWithoutARestart) {
    Running server(db_);
    EXPECT_EQ(server.get_json("/search?q=quorum")["total"], 0);
    test::TempDir more;
    std::ofstream(more.str("q.jsonl")) << R"({"title": "What is a quorum?", "sections": [{"heading": "Answer", )"
                                       << R"("text": "A majority of replicas that must agree."}]})" << "\n";
    index_path(db_, more.str("q.jsonl"));
    EXPECT_EQ(server.get_json("/search?q=quorum")["total"], 1);
}

TEST_F(ServeTest, ACommitShowsWithinTheFreshnessAsSet) {
    Running server(db_, std::chrono::milliseconds(200));
    EXPECT_EQ(server.get_json("/search?q=gossip")["total"], 0);
    test::TempDir more;
    std::ofstream(more.str("q.jsonl")) << R"({"title": "How does a gossip protocol spread state?", "sections": [)"
                                       << R"({"heading": "Answer", "text": "Each node tells a few others."}]})" << "\n";
    index_path(db_, more.str("q.jsonl"));
    // Generous: the contract is 200 ms, a loaded machine may take longer to ask.
    int total = 0;
    for (int tries = 0; tries < 250 && total == 0; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        total = server.get_json("/search?q=gossip")["total"];
    }
    EXPECT_EQ(total, 1);
}

TEST_F(ServeTest, ManyClientsAtOnceGetTheSameAnswers) {
    Running server(db_);
    const std::string expected = server.get("/search?q=event+delegation").second;
    std::atomic<int> wrong = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c)
        clients.emplace_back([&] {
            httplib::Client client("127.0.0.1", server.port());
            client.set_url_encode(false);
            for (int i = 0; i < 25; ++i) {
                httplib::Result r = client.Get("/search?q=event+delegation");
                if (!r || r->status != 200 || r->body != expected) ++wrong;
            }
        });
    for (std::thread& t : clients) t.join();
    EXPECT_EQ(wrong, 0);
}

TEST_F(ServeTest, AnAddressInUseOrAMissingIndexFailsAtStart) {
    Running server(db_);
    EXPECT_THROW(Server(ServeOptions{.db = db_, .listen = {"127.0.0.1", server.port()}}), BadInputError);
    EXPECT_THROW(Server(ServeOptions{.db = dir_.str("nothing-here"), .listen = {"127.0.0.1", 0}}), IndexMissingError);
}

TEST_F(ServeTest, AStopBeforeRunMakesRunReturnAtOnce) {
    Server server(ServeOptions{.db = db_, .listen = {"127.0.0.1", 0}});
    server.stop();
    EXPECT_TRUE(server.run());
}

TEST(ErrorResponseTest, EachKindHasItsStatus) {
    auto status = [](const Error& e) { return error_response(e).status; };
    EXPECT_EQ(status(BadInputError("x")), 400);
    EXPECT_EQ(status(IndexMissingError("x")), 503);
    EXPECT_EQ(status(IndexLockedError("x")), 503);
    EXPECT_EQ(status(IndexIncompatibleError("x")), 503);
    EXPECT_EQ(status(IndexCorruptError("x")), 500);
    EXPECT_EQ(status(IndexIOError("x")), 500);
    json body = json::parse(error_response(IndexCorruptError("table postlist is damaged")).body);
    EXPECT_EQ(body, json::parse(R"({"error": {"kind": "index_corrupt", "message": "table postlist is damaged"}})"));
}

TEST(ListenAddressTest, HostAndPort) {
    EXPECT_EQ(parse_listen_address("127.0.0.1:8080").host, "127.0.0.1");
    EXPECT_EQ(parse_listen_address("127.0.0.1:8080").port, 8080);
    EXPECT_EQ(parse_listen_address("[::1]:9000").host, "::1");
    EXPECT_EQ(parse_listen_address(":0").host, "127.0.0.1");
    EXPECT_THROW(parse_listen_address("localhost"), BadInputError);
    EXPECT_THROW(parse_listen_address("localhost:http"), BadInputError);
    EXPECT_THROW(parse_listen_address("localhost:70000"), BadInputError);
}

TEST(RequestParamsTest, DefaultsAndBounds) {
    SearchRequest request = search_request({{"q", "hooks"}, {"filter", "level:Mid"}, {"filter", "tag:react"}});
    EXPECT_EQ(request.query, "hooks");
    ASSERT_EQ(request.filters.size(), 2u);
    EXPECT_EQ(request.filters[1].value, "react");
    EXPECT_EQ(request.limit, 10u);
    EXPECT_EQ(request.facets, (std::vector<std::string>{"level", "category", "tag", "lang"}));
    EXPECT_EQ(request.facet_limit, 10u);  // the ten commonest values, as in text
    EXPECT_EQ(search_request({{"facet_limit", "0"}}).facet_limit, 0u);
    EXPECT_TRUE(search_request({{"facets", ""}}).facets.empty());
    EXPECT_EQ(search_request({{"limit", "100"}, {"offset", "10000"}}).offset, 10000u);
    EXPECT_THROW(search_request({{"offset", "10001"}}), BadInputError);
    EXPECT_THROW(search_request({{"limit", "-1"}}), BadInputError);
    EXPECT_THROW(search_request({{"limit", "5x"}}), BadInputError);
    EXPECT_THROW(related_request({{"q", "x"}}), BadInputError);
}

}  // namespace
}  // namespace qbank::serve
