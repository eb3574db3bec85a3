#pragma once
// qbank serve: an index over HTTP. A JSON API in the shapes the command line
// prints (schema/*.schema.json) and a page to search and read questions at /.
// README "Serving over HTTP" lists the endpoints.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>

#include "qbank/searcher.h"
#include "serve/listen_address.h"

namespace qbank::serve {

struct ServeOptions {
    std::string db;                             // the index, or a stub of shards, to serve
    ListenAddress listen{"127.0.0.1", 8080};    // port 0: any free port (Server::port)
    SearcherOptions searcher;
    std::size_t threads = 16;                   // connections served at once; others wait their turn
    std::chrono::milliseconds freshness{1000};  // commits show in results within this long
    std::chrono::seconds io_timeout{5};         // for each read of a request and write of an answer
    std::ostream* log = nullptr;                // one line per request, when set
};

class Server {
public:
    // Opens the index and takes the address. Throws as Searcher's constructor, and
    // BadInputError when the address cannot be listened on (in use, not this host's).
    explicit Server(ServeOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const;  // the port listened on

    // Answers requests until stop(). Returns false when listening failed.
    bool run();
    // Ends run() after the requests being answered, or makes a run() to come return
    // at once; from any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace qbank::serve
