#include "errors/index_errors.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "qbank/error.h"

namespace qbank::errors {

void require_index_folder(const std::string& path) {
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (ec) throw IndexIOError("cannot look for an index at " + path + ": " + ec.message());
    if (!exists) throw IndexMissingError("no index at " + path);
}

std::string what_went_wrong(const Xapian::Error& error) {
    std::string out = error.get_msg();
    const char* reason = error.get_error_string();
    if (reason != nullptr && *reason != '\0' && out.find(reason) == std::string::npos)
        out += (out.empty() ? "" : ": ") + std::string(reason);
    return out.empty() ? std::string(error.get_type()) : out;
}

void throw_index_error(const Xapian::Error& error, const std::string& path) {
    // Xapian::Error has no virtual functions to cast through; it names its class.
    const std::string_view type = error.get_type();
    if (type == "DatabaseNotFoundError")
        throw IndexMissingError("no index at " + path + ": " + error.get_msg());
    if (type == "DatabaseVersionError")
        throw IndexIncompatibleError("index " + path + " is in a Xapian format this build cannot read (" +
                                     error.get_msg() + "): rebuild it from the files it was built from");
    if (type == "DatabaseCorruptError")
        throw IndexCorruptError("index " + path + " is damaged (" + error.get_msg() + "): rebuild it from its files");
    if (type == "DatabaseLockError") {
        // No lock file can be made where nothing can be written: not another writer.
        if (::access(path.c_str(), W_OK) != 0)
            throw IndexIOError("cannot write to index " + path + ": " + std::strerror(errno) +
                               " (it can still be searched)");
        throw IndexLockedError("index " + path + " is being written by another qbank index");
    }
    throw IndexIOError("cannot use index " + path + ": " + what_went_wrong(error));
}

}  // namespace qbank::errors
