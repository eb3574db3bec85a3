#include "serve/listen_address.h"

#include <charconv>

#include "qbank/error.h"

namespace qbank::serve {

ListenAddress parse_listen_address(std::string_view text) {
    std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos)
        throw BadInputError("listen address '" + std::string(text) +
                            "' has no port: write HOST:PORT, e.g. 127.0.0.1:8080");
    std::string_view host = text.substr(0, colon);
    std::string_view port = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    ListenAddress address{host.empty() ? "127.0.0.1" : std::string(host), 0};
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (error != std::errc() || end != port.data() + port.size() || address.port < 0 || address.port > 65535)
        throw BadInputError("listen address '" + std::string(text) + "': the port must be a number from 0 to 65535");
    return address;
}

}  // namespace qbank::serve
