#include "serve/error_response.h"

#include <nlohmann/json.hpp>

namespace qbank::serve {

ErrorResponse error_response(int status, std::string_view kind, std::string_view message) {
    nlohmann::json body = {{"error", {{"kind", kind}, {"message", message}}}};
    // A message may quote a query cut in the middle of a character.
    return {status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

ErrorResponse error_response(const Error& error) {
    switch (error.kind()) {
        case Error::Kind::BadInput: return error_response(400, "bad_input", error.what());
        case Error::Kind::IndexMissing: return error_response(503, "index_missing", error.what());
        case Error::Kind::IndexLocked: return error_response(503, "index_locked", error.what());
        case Error::Kind::IndexIncompatible: return error_response(503, "index_incompatible", error.what());
        case Error::Kind::IndexCorrupt: return error_response(500, "index_corrupt", error.what());
        case Error::Kind::IndexIO: return error_response(500, "index_io", error.what());
    }
    return error_response(500, "internal", error.what());
}

}  // namespace qbank::serve
