#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/exit_codes.h"

namespace qbank::cli {

int run_serve(serve::ServeOptions options) {
    // SIGINT and SIGTERM wait for one thread that stops the server: the threads
    // started below inherit the mask, so no handler runs in the middle of a request.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    options.log = &std::cerr;
    const std::string host = options.listen.host;
    serve::Server server(std::move(options));
    std::cout << "qbank serve: http://" << (host.find(':') == std::string::npos ? host : "[" + host + "]") << ":"
              << server.port() << "/  (Ctrl-C stops)" << std::endl;
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
    });
    bool listened = server.run();
    // The server may stop without a signal (listening failed): wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return listened ? kOk : kUsage;
}

}  // namespace qbank::cli
