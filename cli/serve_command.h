#pragma once
// qbank serve: runs the HTTP server (serve/server.h) until SIGINT or SIGTERM.

#include "serve/server.h"

namespace qbank::cli {

// Prints where it listens, then a line per request on stderr; returns the exit code.
// Throws as serve::Server's constructor.
int run_serve(serve::ServeOptions options);

}  // namespace qbank::cli
