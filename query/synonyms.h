#pragma once
// Synonym groups ("pm" / "product manager", "k8s" / "kubernetes"): a query's
// words that spell a member are searched as one concept with every member of its
// groups (query_builder.h makes it an OP_SYNONYM). Xapian 1.4's own synonym table
// expands single terms only, and lives in the index; these need phrases and a
// user file applied at query time. The shipped groups are query/synonyms.txt.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qbank::query {

class Synonyms {
public:
    // The groups shipped with qbank.
    static const Synonyms& shipped();

    // Adds the groups in `text` (the format of query/synonyms.txt). Throws
    // BadInputError naming `origin` and the line of a malformed group.
    void add_text(std::string_view text, const std::string& origin);
    // Adds the groups of a file; a file that cannot be read is BadInputError too.
    void add_file(const std::string& path);

    using Words = std::vector<std::string>;

    // Every member of the groups of `member` (folded words), `member` first; empty
    // when it is no member.
    std::vector<Words> alternatives(const Words& member) const;
    // The most words in a member.
    std::size_t longest() const { return longest_; }

    bool empty() const { return groups_.empty(); }
    // True when `word` (folded) alone is a member: a known word, not a typo.
    bool knows(const std::string& word) const { return groups_of_.count(word) > 0; }

private:
    std::vector<std::vector<Words>> groups_;
    // A member's words joined by spaces (no word holds one) -> its groups: hashed,
    // since the shipped table is built by every process that searches.
    std::unordered_map<std::string, std::vector<std::size_t>> groups_of_;
    std::size_t longest_ = 0;                              // most words in a member
};

}  // namespace qbank::query
