#pragma once
// Where qbank serve listens, as --listen writes it.

#include <string>
#include <string_view>

namespace qbank::serve {

struct ListenAddress {
    std::string host;  // a name or an address; IPv6 without brackets
    int port = 0;
};

// "HOST:PORT", "[IPv6]:PORT" or ":PORT" (loopback). Throws BadInputError.
ListenAddress parse_listen_address(std::string_view text);

}  // namespace qbank::serve
