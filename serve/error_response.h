#pragma once
// What the API answers when a request fails: an HTTP status and a JSON body
// {"error": {"kind", "message"}} (schema/error.schema.json). Never a stack trace.

#include <string>
#include <string_view>

#include "qbank/error.h"

namespace qbank::serve {

struct ErrorResponse {
    int status;
    std::string body;
};

ErrorResponse error_response(int status, std::string_view kind, std::string_view message);

// A library error by its kind: bad input 400, an index that is missing, locked or
// of another schema 503 (the server is fine, its index is not ready), a damaged
// or unreadable index 500.
ErrorResponse error_response(const Error& error);

}  // namespace qbank::serve
