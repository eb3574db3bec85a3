// Facet counts read from value streams after the match, against counts made
// document by document.

#include "query/facets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "schema/facet_values.h"
#include "../test_paths.h"

namespace qbank::query {
namespace {

// Enough documents for the value streams to span several chunks; every third
// has no tags, the others two or three of a handful, in varied spellings.
TEST(FacetCounts, MatchTheValuesOfEveryMatchedDocument) {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir.str("index"), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    const std::vector<std::string> tags{"SQL", "Indexing", "Caching", "Go", "Rust"};
    const schema::Slot slot = schema::Slot::Tag;
    for (int i = 1; i <= 5000; ++i) {
        Xapian::Document doc;
        if (i % 3 != 0) {
            std::vector<std::string> mine{tags[i % 5], tags[(i / 7) % 5], i % 11 == 0 ? "sql" : tags[(i / 13) % 5]};
            doc.add_value(schema::slot_number(slot), schema::pack_facet_values(mine));
        }
        db.add_document(doc);
    }
    db.commit();

    MatchedDocuments matched;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.add_matchspy(&matched);
    enquire.get_mset(0, 10, db.get_doccount());
    ASSERT_EQ(matched.ids().size(), 5000u);
    ASSERT_TRUE(std::is_sorted(matched.ids().begin(), matched.ids().end()));
    // Every other document, as a query would match them.
    std::vector<Xapian::docid> even;
    for (Xapian::docid id : matched.ids())
        if (id % 2 == 0) even.push_back(id);

    std::map<std::string, std::size_t> expected;  // by display, first spelling of each key
    std::map<std::string, std::string> display;
    for (Xapian::docid id : even)
        for (const schema::FacetValue& v : schema::unpack_facet_values(db.get_document(id).get_value(
                 schema::slot_number(slot)))) {
            display.try_emplace(v.key, v.display);
            ++expected[display[v.key]];
        }
    FacetCounts counts = count_facet(db, slot, even);
    std::map<std::string, std::size_t> got;
    for (const FacetValue& v : counts) got[v.value] = v.count;
    EXPECT_EQ(got, expected);
    for (std::size_t i = 1; i < counts.size(); ++i) EXPECT_GE(counts[i - 1].count, counts[i].count);
    EXPECT_EQ(count_facet(db, slot, even, 2).size(), 2u);
    EXPECT_TRUE(count_facet(db, slot, {}).empty());
}

}  // namespace
}  // namespace qbank::query
