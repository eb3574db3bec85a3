#include "indexer/fingerprint.h"

#include <gtest/gtest.h>

#include <bit>

#include "indexer/document_catalog.h"

namespace qbank::indexer {
namespace {

Record page(const std::string& answer) {
    Record r;
    r.title = "Handling an Outage";
    r.question = "Tell me about an outage you led the response to.";
    r.sections = {{"Sample Answer (Senior)", SectionKind::SampleAnswer, Level::Senior, answer}};
    return r;
}

const std::string kAnswer =
    "Our payment service went down during the evening peak after a configuration push removed the connection pool "
    "limit. I took the incident commander role, paged the database team, rolled the change back within twelve "
    "minutes and kept support updated every five minutes. Afterwards I ran a blameless review, added a canary stage "
    "for configuration pushes and a dashboard alert on pool saturation, and we have not had a repeat since.";

TEST(Fingerprint, SameWordsSameExactHash) {
    Fingerprint a = fingerprint(page(kAnswer));
    Fingerprint spaced = fingerprint(page("  " + kAnswer + "\n\n"));
    Fingerprint cased = fingerprint(page("OUR " + kAnswer.substr(4)));
    EXPECT_EQ(a.exact, spaced.exact);
    EXPECT_EQ(a.exact, cased.exact);
    EXPECT_EQ(a.simhash, spaced.simhash);
    EXPECT_NE(a.simhash, 0u);
}

TEST(Fingerprint, SmallEditsAreNearDuplicates) {
    std::string edited = kAnswer;
    edited.replace(edited.find("twelve"), 6, "fifteen");
    Fingerprint a = fingerprint(page(kAnswer));
    Fingerprint b = fingerprint(page(edited));
    EXPECT_NE(a.exact, b.exact);
    EXPECT_TRUE(near_duplicates(a.simhash, b.simhash)) << std::popcount(a.simhash ^ b.simhash);
}

TEST(Fingerprint, DifferentAnswersAreNot) {
    Fingerprint a = fingerprint(page(kAnswer));
    Fingerprint b = fingerprint(page(
        "I joined a team whose nightly batch jobs kept failing silently. I added structured logging, wrote runbooks "
        "for the five most common failures, set up alerting on missed deadlines and trained two junior engineers to "
        "own the rotation. Within a quarter the failure rate fell by two thirds and nobody was woken at night."));
    EXPECT_FALSE(near_duplicates(a.simhash, b.simhash)) << std::popcount(a.simhash ^ b.simhash);
}

TEST(Fingerprint, ShortPagesMatchOnlyExactly) {
    Record r;
    r.title = "Why this job?";
    EXPECT_EQ(fingerprint(r).simhash, 0u);
    EXPECT_FALSE(near_duplicates(0, 0));
}

TEST(DocumentCatalog, FindsExactAndNearDuplicatesAndForgets) {
    DocumentCatalog catalog;
    Fingerprint fp = fingerprint(page(kAnswer));
    catalog.set(7, {{{"/c/a.txt", "a.txt", 1, 2, 3}}, fp});
    EXPECT_EQ(catalog.document_of("/c/a.txt"), 7u);
    EXPECT_EQ(catalog.find_duplicate(fp, 0), 7u);
    EXPECT_EQ(catalog.find_duplicate(fp, 7), 0u);
    Fingerprint near{fp.exact + 1, fp.simhash ^ 0b1011};
    EXPECT_EQ(catalog.find_duplicate(near, 0), 7u);
    Fingerprint far{fp.exact + 1, ~fp.simhash};
    EXPECT_EQ(catalog.find_duplicate(far, 0), 0u);
    catalog.erase(7);
    EXPECT_EQ(catalog.document_of("/c/a.txt"), 0u);
    EXPECT_EQ(catalog.find_duplicate(fp, 0), 0u);
}

TEST(DocumentCatalog, FingerprintValueRoundTrips) {
    Fingerprint fp{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
    auto back = decode_fingerprint(encode_fingerprint(fp));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->exact, fp.exact);
    EXPECT_EQ(back->simhash, fp.simhash);
    EXPECT_FALSE(decode_fingerprint("short"));
}

}  // namespace
}  // namespace qbank::indexer
