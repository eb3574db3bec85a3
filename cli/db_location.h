#pragma once
// Where the index lives when --db is not given.

#include <string>

namespace qbank::cli {

// --db if given, else $QBANK_DB, else $XDG_DATA_HOME/qbank/index, else
// ~/.local/share/qbank/index.
std::string resolve_db_path(const std::string& flag);

}  // namespace qbank::cli
