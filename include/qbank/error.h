#pragma once
// What qbank throws for caller and environment errors: one base class, Error,
// and one subclass per kind, so callers catch what they can handle and let the
// rest go. Messages name the path, the query or the line at fault and say what
// to do. Bad pages are not exceptions: they come back as Diagnostics (page.h).

#include <stdexcept>
#include <string>

#include "qbank/export.h"

namespace qbank {

class QBANK_API Error : public std::runtime_error {
public:
    enum class Kind {
        BadInput,           // the caller passed something unusable: a query, a filter, a record, a file of options
        IndexMissing,       // there is no index at the path
        IndexLocked,        // another writer holds the index
        IndexIncompatible,  // the index was written by a qbank with another schema version
        IndexCorrupt,       // the index or a record stored in it is damaged
        IndexIO,            // the index could not be read or written (permissions, disk full, I/O)
    };

    Kind kind() const noexcept { return kind_; }
    ~Error() override;

protected:
    Error(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

private:
    Kind kind_;
};

class QBANK_API BadInputError : public Error {
public:
    explicit BadInputError(const std::string& message) : Error(Kind::BadInput, message) {}
    ~BadInputError() override;
};

class QBANK_API IndexMissingError : public Error {
public:
    explicit IndexMissingError(const std::string& message) : Error(Kind::IndexMissing, message) {}
    ~IndexMissingError() override;
};

class QBANK_API IndexLockedError : public Error {
public:
    explicit IndexLockedError(const std::string& message) : Error(Kind::IndexLocked, message) {}
    ~IndexLockedError() override;
};

// The message names the command that rebuilds the index.
class QBANK_API IndexIncompatibleError : public Error {
public:
    explicit IndexIncompatibleError(const std::string& message) : Error(Kind::IndexIncompatible, message) {}
    ~IndexIncompatibleError() override;
};

class QBANK_API IndexCorruptError : public Error {
public:
    explicit IndexCorruptError(const std::string& message) : Error(Kind::IndexCorrupt, message) {}
    ~IndexCorruptError() override;
};

class QBANK_API IndexIOError : public Error {
public:
    explicit IndexIOError(const std::string& message) : Error(Kind::IndexIO, message) {}
    ~IndexIOError() override;
};

}  // namespace qbank
