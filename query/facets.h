#pragma once
// Exact facet counts over every match of a search.
//
// A facet slot holds a packed list of values (schema/facet_values.h): each
// value counts once per document, under its folded key. The packed strings are
// tallied first (many documents share one: "en", "Senior") and each distinct one
// unpacked once.
//
// One database: a spy only records which documents matched; their values are
// then read slot by slot, in docid order, through Xapian's value streams.
// Reading them per document instead (Document::get_value, as a
// ValueCountMatchSpy does) looks each value's chunk up afresh, for every facet
// of every match. Several shards (a stub database): a spy is handed each
// document under its shard's docid, so Xapian's ValueCountMatchSpy counts each
// slot's packed strings, the one spy a remote shard (xapian-tcpsrv) runs.

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "qbank/searcher.h"
#include "schema/fields.h"

namespace qbank::query {

// Distinct packed strings of one slot, each with the documents holding it.
class PackedTally {
public:
    PackedTally() = default;
    // The nodes, and so the entry `last_` points to, move along; the tally moved from is empty.
    PackedTally(PackedTally&& other) noexcept
        : counts_(std::move(other.counts_)), last_(std::exchange(other.last_, nullptr)) {}
    PackedTally(const PackedTally&) = delete;
    PackedTally& operator=(const PackedTally&) = delete;

    void add(std::string packed, std::size_t documents = 1);
    const std::unordered_map<std::string, std::size_t>& counts() const { return counts_; }

private:
    std::unordered_map<std::string, std::size_t> counts_;
    // The entry added last: documents in docid order often share it ("en", "Senior").
    std::pair<const std::string, std::size_t>* last_ = nullptr;
};

// The facet values of a tally, each counted under its key and shown in the
// key's commonest spelling, the most common first; the first `limit` only when limit > 0.
FacetCounts facet_counts(const PackedTally& tally, std::size_t limit = 0);

// One database: the documents that matched.
class MatchedDocuments : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new MatchedDocuments(); }
    std::string name() const override { return "qbank::MatchedDocuments"; }

    // The documents seen, in ascending order.
    const std::vector<Xapian::docid>& ids();

private:
    std::vector<Xapian::docid> ids_;
    bool sorted_ = true;
};

// The values of facet `slot` over `docs` (ascending) of one database.
PackedTally tally_facet(const Xapian::Database& db, schema::Slot slot, const std::vector<Xapian::docid>& docs);

inline FacetCounts count_facet(const Xapian::Database& db, schema::Slot slot, const std::vector<Xapian::docid>& docs,
                               std::size_t limit = 0) {
    return facet_counts(tally_facet(db, slot, docs), limit);
}

// Several shards: the packed strings a ValueCountMatchSpy counted.
PackedTally tally_of(const Xapian::ValueCountMatchSpy& spy);

}  // namespace qbank::query
