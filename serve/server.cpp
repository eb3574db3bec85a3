#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <atomic>
#include <mutex>
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
// Requests carry no body; a URL is bounded by the library (8 KiB).
constexpr std::size_t kMaxBody = 64 * 1024;

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

thread_local std::chrono::steady_clock::time_point request_start;

// Why httplib refused a request before any route saw it.
std::string failure(int status) {
    switch (status) {
        case 413: return "the request is longer than " + std::to_string(kMaxBody) + " bytes";
        case 414: return "the URL is too long: shorten the query";
        default: return "the request could not be read (HTTP " + std::to_string(status) + ")";
    }
}

}  // namespace

ListenAddress parse_listen_address(std::string_view text) {
    std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos)
        throw BadInputError("listen address '" + std::string(text) + "' has no port: write HOST:PORT, e.g. 127.0.0.1:8080");
    std::string_view host = text.substr(0, colon);
    std::string_view port = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    ListenAddress address{host.empty() ? "127.0.0.1" : std::string(host), 0};
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (error != std::errc() || end != port.data() + port.size() || address.port < 0 || address.port > 65535)
        throw BadInputError("listen address '" + std::string(text) + "': the port must be a number from 0 to 65535");
    return address;
}

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

    explicit Impl(ServeOptions o) : options(std::move(o)), pool(options.db, options.searcher, options.freshness) {
        routes();
        limits();
        const ListenAddress& at = options.listen;
        port = at.port == 0 ? http.bind_to_any_port(at.host) : (http.bind_to_port(at.host, at.port) ? at.port : -1);
        if (port < 0)
            throw BadInputError("cannot listen on " + at.host + ":" + std::to_string(at.port) + ": " +
                                std::strerror(errno) + "; choose another address with --listen HOST:PORT");
    }

    void routes() {
        for (std::string_view path : {"/", "/app.css", "/app.js"})
            http.Get(std::string(path), [asset = page_asset(path)](const httplib::Request&, httplib::Response& res) {
                res.set_header("Content-Security-Policy", kPagePolicy);
                res.set_header("Cache-Control", "no-cache");
                res.set_content(std::string(asset->body), std::string(asset->content_type));
            });
        http.Get("/search", api([this](const httplib::Request& req, httplib::Response& res) {
            SearchRequest request = search_request(req.params);
            SearchResult result = pool.borrow()->search(request);
            send_json(res, search_result_to_json(result, request, -1));
        }));
        http.Get(R"(/questions/([^/]+))", api([this](const httplib::Request& req, httplib::Response& res) {
            if (!req.params.empty()) throw BadInputError("/questions/{id} takes no parameters");
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
            if (!req.params.empty()) throw BadInputError("/stats takes no parameters");
            send_json(res, stats_to_json(pool.borrow()->stats(), -1));
        }));
        http.Get("/health", api([this](const httplib::Request&, httplib::Response& res) {
            pool.borrow();  // the index opens and moves to its last commit
            nlohmann::json health = {{"status", "ok"}, {"version", version()}, {"schema_version", schema_version()}};
            send_json(res, health.dump());
        }));
    }

    static ErrorResponse not_found(const std::string& id) {
        return error_response(404, "not_found", "no question with id '" + id + "'");
    }

    void limits() {
        const std::size_t threads = std::max<std::size_t>(options.threads, 1);
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_read_timeout(options.io_timeout);
        http.set_write_timeout(options.io_timeout);
        http.set_payload_max_length(kMaxBody);
        // A client (the page, a load balancer) keeps its connection for many requests,
        // and an answer written in parts goes out at once, not after the peer's delayed ACK.
        http.set_keep_alive_max_count(1000);
        http.set_tcp_nodelay(true);
        // httplib's default, SO_REUSEPORT, would let a second server take the same
        // port and share its requests; SO_REUSEADDR only lets a restart reuse it at once.
        http.set_socket_options([](int sock) {
            int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
        http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
            request_start = std::chrono::steady_clock::now();
            if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
            res.set_header("Allow", "GET, HEAD");
            send(res, error_response(405, "method_not_allowed", req.method + " is not served: the API is read-only"));
            return httplib::Server::HandlerResponse::Handled;
        });
        // What the routes did not answer themselves: no such path, a URL or body too long.
        http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                         httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            if (res.status == 404) send(res, error_response(404, "not_found", "no endpoint " + req.path));
            else send(res, error_response(res.status, "bad_request", failure(res.status)));
            return httplib::Server::HandlerResponse::Handled;
        }));
        if (options.log != nullptr)
            http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
                auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start);
                char ms[32];
                std::snprintf(ms, sizeof ms, "%.1f ms", took.count());
                std::lock_guard lock(log_mutex);
                *options.log << req.method << " " << req.target << " " << res.status << " " << ms << "\n" << std::flush;
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
