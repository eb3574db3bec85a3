#pragma once
// The one exception type qbank throws for caller and environment errors.
// Bad pages are not exceptions: they come back as Diagnostics (see page.h).

#include <stdexcept>
#include <string>

namespace qbank {

class Error : public std::runtime_error {
public:
    enum class Kind {
        InvalidArgument,   // a caller passed something unusable (unknown field, bad limit)
        InvalidQuery,      // the query text cannot be parsed
        IndexUnavailable,  // no index at the path, or it cannot be opened
        IndexLocked,       // another writer holds the index
        SchemaMismatch,    // the index was written by an incompatible schema version
        Corrupt,           // the index or a stored record is damaged
    };

    Error(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

    Kind kind() const noexcept { return kind_; }

private:
    Kind kind_;
};

}  // namespace qbank
