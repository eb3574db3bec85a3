#include "cli/db_location.h"

#include <cstdlib>

namespace qbank::cli {

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::string resolve_db_path(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (std::string db = env("QBANK_DB"); !db.empty()) return db;
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (std::string data = env("XDG_DATA_HOME"); !data.empty() && data.front() == '/') return data + "/qbank/index";
    std::string home = env("HOME");
    return (home.empty() ? std::string(".") : home) + "/.local/share/qbank/index";
}

}  // namespace qbank::cli
