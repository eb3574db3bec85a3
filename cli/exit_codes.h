#pragma once
// What `qbank` exits with; scripts rely on these (README "Exit codes").

namespace qbank::cli {

inline constexpr int kOk = 0;
inline constexpr int kNoHits = 1;         // nothing matched the query as typed, like grep
inline constexpr int kUsage = 2;          // bad flags, bad query, or another fatal error
inline constexpr int kInputSkipped = 3;   // some input files were rejected; the rest were processed
inline constexpr int kIndexLocked = 4;    // another `qbank index` is writing the index
inline constexpr int kIndexUnusable = 5;  // no index, one this build cannot read, or a damaged one
inline constexpr int kIndexIO = 6;        // the index could not be read or written (disk full, permissions)
inline constexpr int kShardsMissing = 7;  // some shards of a stub did not answer (0 with --allow-partial)

}  // namespace qbank::cli
