#pragma once
// How the programs report the library's errors: one line on stderr prefixed with
// the program's name, the command that mends the index where there is one, and
// the exit code of the error's kind (exit_codes.h).

#include <string>

#include "qbank/error.h"

namespace qbank::cli {

// The name messages start with, for qbank and the qbank-serve it runs alike.
inline constexpr const char* kProgram = "qbank";

// One line on stderr: "PROGRAM: MESSAGE"; returns `code`.
int fail(const std::string& message, int code);

// Reports `e`, met on the index at `db` (`db_flag`: --db as given, empty when
// defaulted), and returns the exit code for its kind.
int report(const Error& e, const std::string& db, const std::string& db_flag);

}  // namespace qbank::cli
