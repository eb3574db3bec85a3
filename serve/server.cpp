#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "qbank/error.h"
#include "qbank/json.h"
#include "qbank/version.h"
#include "serve/error_response.h"
#include "serve/page_assets.h"
#include "serve/request_params.h"
#include "serve/searcher_pool.h"

namespace qbank::serve {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
// The page runs its own script and styles only: a page's text that slipped into
// markup could neither run nor load anything.
constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The API only reads: a body (of a refused POST) is read, to keep the connection in
// step, up to this size.
constexpr std::size_t kMaxBody = 64 * 1024;
// A connection holds a thread while open: an idle one lets go soon.
constexpr time_t kKeepAliveSeconds = 1;
constexpr std::size_t kKeepAliveRequests = 100;

void send(httplib::Response& res, const ErrorResponse& error) {
    res.status = error.status;
    res.set_content(error.body, kJson);
}

void send_json(httplib::Response& res, const std::string& json) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(json, kJson);
}

// Runs an API handler, answering the library's errors by their kind.
template <typename Handle>
httplib::Server::Handler api(Handle handle) {
    return [handle](const httplib::Request& req, httplib::Response& res) {
        try {
            handle(req, res);
        } catch (const Error& e) {
            send(res, error_response(e));
        } catch (const std::exception& e) {
            send(res, error_response(500, "internal", std::string("internal error: ") + e.what()));
        }
    };
}

void no_params(const httplib::Request& req) {
    if (!req.params.empty()) throw BadInputError(req.path + " takes no parameters");
}

ErrorResponse not_found(const std::string& id) {
    return error_response(404, "not_found", "no question with id '" + id + "'");
}

// Why a request was refused before any route saw it.
ErrorResponse refusal(const httplib::Request& req, int status) {
    switch (status) {
        case 404: return error_response(404, "not_found", "no endpoint " + req.path);
        case 413: return error_response(413, "bad_request", "the request body is longer than 64 KiB");
        case 414: return error_response(414, "bad_request", "the URL is too long: shorten the query");
        case 500: return error_response(500, "internal", "internal error");
        default: return error_response(status, "bad_request", "the request could not be read (HTTP " +
                                                                  std::to_string(status) + ")");
    }
}

// The request target as logged: control bytes a client sent cannot move the terminal.
std::string loggable(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    return out;
}

// When the request being answered on this thread began, if it reached routing.
thread_local std::optional<std::chrono::steady_clock::time_point> request_start;

}  // namespace

struct Server::Impl {
    ServeOptions options;
    SearcherPool pool;
    httplib::Server http;
    int port = 0;
    std::mutex log_mutex;
    // httplib's stop() does nothing before its loop runs: stop() waits for that.
    std::mutex state_mutex;
    bool stopping = false;
    bool started = false;
    std::atomic<bool> returned = false;
    // Closed here when run() never starts, which is httplib's to close otherwise.
    std::atomic<int> listening = -1;

    explicit Impl(ServeOptions o) : options(std::move(o)), pool(options.db, options.searcher, options.freshness) {
        routes();
        limits();
        const ListenAddress& at = options.listen;
        port = at.port == 0 ? http.bind_to_any_port(at.host) : (http.bind_to_port(at.host, at.port) ? at.port : -1);
        if (port < 0)
            throw BadInputError("cannot listen on " + at.host + ":" + std::to_string(at.port) + ": " +
                                std::strerror(errno) + "; choose another address with --listen HOST:PORT");
    }

    ~Impl() {
        if (!started && listening >= 0) close(listening);
    }

    void routes() {
        for (const char* path : {"/", "/app.css", "/app.js"}) {
            std::string pattern;
            for (const char* c = path; *c != '\0'; ++c) pattern += *c == '.' ? std::string("\\.") : std::string(1, *c);
            http.Get(pattern, [asset = page_asset(path)](const httplib::Request&, httplib::Response& res) {
                res.set_header("Content-Security-Policy", kPagePolicy);
                res.set_header("Cache-Control", "no-cache");
                res.set_content(std::string(asset->body), std::string(asset->content_type));
            });
        }
        http.Get("/search", api([this](const httplib::Request& req, httplib::Response& res) {
            SearchRequest request = search_request(req.params);
            SearchResult result = pool.borrow()->search(request);
            send_json(res, search_result_to_json(result, request, -1));
        }));
        http.Get(R"(/questions/([^/]+))", api([this](const httplib::Request& req, httplib::Response& res) {
            no_params(req);
            std::optional<Record> record = pool.borrow()->find(req.matches[1]);
            if (!record) return send(res, not_found(req.matches[1]));
            send_json(res, record_to_json(*record));
        }));
        http.Get(R"(/questions/([^/]+)/related)", api([this](const httplib::Request& req, httplib::Response& res) {
            SearchRequest request = related_request(req.params);
            std::optional<SearchResult> result = pool.borrow()->related(req.matches[1], request);
            if (!result) return send(res, not_found(req.matches[1]));
            send_json(res, search_result_to_json(*result, request, -1));
        }));
        http.Get("/stats", api([this](const httplib::Request& req, httplib::Response& res) {
            no_params(req);
            send_json(res, stats_to_json(pool.borrow()->stats(), -1));
        }));
        http.Get("/health", api([this](const httplib::Request& req, httplib::Response& res) {
            no_params(req);
            pool.borrow();  // the index opens, and moves to its last commit when due
            nlohmann::json health = {{"status", "ok"}, {"version", version()}, {"schema_version", schema_version()}};
            send_json(res, health.dump());
        }));
        // Methods that carry a body: registered so that httplib reads the body (and
        // refuses a long one) before the answer, rather than as the next request.
        auto refuse = [](const httplib::Request& req, httplib::Response& res) {
            res.set_header("Allow", "GET, HEAD");
            send(res, error_response(405, "method_not_allowed", req.method + " is not served: the API only reads"));
        };
        http.Post(".*", refuse).Put(".*", refuse).Patch(".*", refuse).Delete(".*", refuse).Options(".*", refuse);
    }

    void limits() {
        const std::size_t threads = std::max<std::size_t>(options.threads, 1);
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_read_timeout(options.io_timeout);
        http.set_write_timeout(options.io_timeout);
        http.set_payload_max_length(kMaxBody);
        http.set_keep_alive_timeout(kKeepAliveSeconds);
        http.set_keep_alive_max_count(kKeepAliveRequests);
        // An answer written in parts goes out at once, not after the peer's delayed ACK.
        http.set_tcp_nodelay(true);
        // httplib's default, SO_REUSEPORT, would let a second server take the same
        // port and share its requests; SO_REUSEADDR only lets a restart reuse it at once.
        http.set_socket_options([this](int sock) {
            int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
            listening = sock;
        });
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
        http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
            request_start = std::chrono::steady_clock::now();
            // Answers are made per request and small: a Range header is ignored, as HTTP
            // allows, and the whole answer sent. httplib would otherwise build one part per
            // range asked for (any number of them) in memory, for any answer.
            const_cast<httplib::Request&>(req).ranges.clear();
            return httplib::Server::HandlerResponse::Unhandled;
        });
        // What the routes did not answer themselves: no such path, a URL or body too long.
        http.set_error_handler(httplib::Server::HandlerWithResponse(
            [](const httplib::Request& req, httplib::Response& res) {
                if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
                send(res, refusal(req, res.status));
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr thrown) {
            std::string what = "internal error";
            try {
                std::rethrow_exception(thrown);
            } catch (const std::exception& e) {
                what += std::string(": ") + e.what();
            } catch (...) {
            }
            send(res, error_response(500, "internal", what));
        });
        if (options.log != nullptr)
            http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
                char took[32] = "-";
                if (request_start)
                    std::snprintf(took, sizeof took, "%.1f ms",
                                  std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                            *request_start)
                                      .count());
                request_start.reset();
                std::lock_guard lock(log_mutex);
                *options.log << (req.method.empty() ? "-" : req.method) << " " << loggable(req.target) << " "
                             << res.status << " " << took << "\n"
                             << std::flush;
            });
    }
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

int Server::port() const { return impl_->port; }

bool Server::run() {
    {
        std::lock_guard lock(impl_->state_mutex);
        if (impl_->stopping) return true;
        impl_->started = true;
    }
    bool listened = impl_->http.listen_after_bind();
    impl_->returned = true;
    return listened;
}

void Server::stop() {
    {
        std::lock_guard lock(impl_->state_mutex);
        impl_->stopping = true;
        if (!impl_->started) return;  // run() will return at once
    }
    while (!impl_->http.is_running() && !impl_->returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    impl_->http.stop();
}

}  // namespace qbank::serve
