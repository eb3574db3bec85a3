#include "cli/error_report.h"

#include <filesystem>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/terminal_text.h"

namespace qbank::cli {
namespace {

int exit_code_for(const Error& e) {
    switch (e.kind()) {
        case Error::Kind::IndexLocked: return kIndexLocked;
        case Error::Kind::IndexMissing:
        case Error::Kind::IndexIncompatible:
        case Error::Kind::IndexCorrupt: return kIndexUnusable;
        case Error::Kind::IndexIO: return kIndexIO;
        case Error::Kind::BadInput: return kUsage;
    }
    return kUsage;
}

}  // namespace

// Whatever the message holds (a path, a query) cannot start another line.
int fail(const std::string& message, int code) {
    std::cerr << kProgram << ": " << printable(message) << "\n";
    return code;
}

int report(const Error& e, const std::string& db, const std::string& db_flag) {
    int code = fail(e.what(), exit_code_for(e));
    // The library says what is wrong; the command that mends it is the command line's to give.
    if (e.kind() == Error::Kind::IndexCorrupt || e.kind() == Error::Kind::IndexIncompatible)
        std::cerr << "  rebuild it with: qbank index --full --db " << printable(db) << " PATH...\n";
    if (e.kind() == Error::Kind::IndexMissing && !std::filesystem::exists(db))
        std::cerr << "  build it with: qbank index corpus/ "
                  << (db_flag.empty() ? "  (choose its place with --db DIR or QBANK_DB)" : "--db " + printable(db_flag))
                  << "\n";
    return code;
}

}  // namespace qbank::cli
