// qbank-serve: the program `qbank serve` runs. A client of the serve library
// (serve/server.h) and, through it, of libqbank's public API.

#include <CLI/CLI.hpp>

#include <string>

#include "cli/db_location.h"
#include "cli/error_report.h"
#include "cli/exit_codes.h"
#include "cli/serve_command.h"
#include "serve/server.h"

int main(int argc, char** argv) {
    using namespace qbank::cli;
    std::string db_flag;
    std::string listen = "127.0.0.1:8080";
    qbank::serve::ServeOptions options;
    CLI::App app{"qbank serve: answer searches over HTTP: a JSON API, and a page to search with at /", "qbank serve"};
    app.add_option("--db", db_flag, "index folder (default: $QBANK_DB, else $XDG_DATA_HOME/qbank/index)");
    app.add_option("--listen", listen, "HOST:PORT to listen on (default: 127.0.0.1:8080, this machine only)");
    app.add_option("--threads", options.threads, "connections served at once (default: 16)")->check(CLI::Range(1, 256));
    app.add_option("--shard-timeout", options.searcher.shard_timeout,
                   "seconds a remote shard has to connect and to answer before it counts as missing (default: 10)")
        ->check(CLI::Range(0.001, 3600.0));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kOk : kUsage;  // --help
        fail(e.what(), kUsage);
        std::cerr << "  see 'qbank serve --help'\n";
        return kUsage;
    }
    options.db = resolve_db_path(db_flag);
    try {
        options.listen = qbank::serve::parse_listen_address(listen);
        return run_serve(std::move(options));
    } catch (const qbank::Error& e) {
        return report(e, options.db, db_flag);
    } catch (const std::exception& e) {
        return fail(std::string("internal error: ") + e.what(), kUsage);
    }
}
