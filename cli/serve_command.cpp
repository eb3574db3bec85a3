#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/exit_codes.h"

namespace qbank::cli {
namespace {

// A thread that stops `server` on SIGINT or SIGTERM, which every thread started
// after it leaves to it: no handler runs in the middle of a request.
class StopOnSignal {
public:
    explicit StopOnSignal(serve::Server& server) {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
        waiter_ = std::thread([this, &server] {
            int signal = 0;
            sigwait(&signals_, &signal);
            server.stop();
        });
    }
    // The server may stop without a signal (listening failed, an exception): one wakes the waiter.
    ~StopOnSignal() {
        pthread_kill(waiter_.native_handle(), SIGTERM);
        waiter_.join();
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_;
    std::thread waiter_;
};

}  // namespace

int run_serve(serve::ServeOptions options) {
    options.log = &std::cerr;
    const std::string host = options.listen.host;
    serve::Server server(std::move(options));
    StopOnSignal stop_on_signal(server);
    std::cout << "qbank serve: http://" << (host.find(':') == std::string::npos ? host : "[" + host + "]") << ":"
              << server.port() << "/  (Ctrl-C stops)" << std::endl;
    return server.run() ? kOk : kUsage;
}

}  // namespace qbank::cli
