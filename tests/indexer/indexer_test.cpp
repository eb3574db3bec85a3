// The Indexer as batch jobs use it: incremental runs, pruning, bad input that
// never stops a run, parallel parsing, atomic commits, a reader during a run.

#include "qbank/indexer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <thread>

#include "../test_paths.h"
#include "qbank/error.h"
#include "qbank/searcher.h"
#include "qbank/version.h"
#include "schema/fields.h"

namespace qbank {
namespace {

namespace fs = std::filesystem;

class IndexerTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(pages());
        for (const auto& entry : fs::directory_iterator(test::source_dir() / "corpus" / "seeds"))
            fs::copy_file(entry.path(), pages() / entry.path().filename());
    }

    fs::path pages() const { return dir_.path() / "pages"; }
    std::string db() const { return dir_.str("index"); }

    IndexSummary run(IndexOptions options = {}, std::vector<std::string> paths = {}) {
        if (paths.empty()) paths = {pages().string()};
        Indexer indexer(db(), std::move(options));
        for (const std::string& p : paths) indexer.add_path(p);
        return indexer.commit();
    }

    std::size_t documents() { return Searcher(db()).stats().documents; }

    void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

    static std::vector<std::string> skipped(const IndexSummary& s) {
        std::vector<std::string> lines;
        for (const Diagnostic& d : s.problems) lines.push_back(d.to_string());
        return lines;
    }

    test::TempDir dir_;
};

TEST_F(IndexerTest, SecondRunOverUnchangedFilesParsesNothing) {
    IndexSummary first = run();
    EXPECT_EQ(first.added, 4u);
    IndexSummary second = run();
    EXPECT_EQ(second.added, 0u);
    EXPECT_EQ(second.updated, 0u);
    EXPECT_EQ(second.unchanged, 4u);
    EXPECT_EQ(second.removed, 0u);
    EXPECT_EQ(documents(), 4u);
}

TEST_F(IndexerTest, ChangedFileIsUpdated) {
    run();
    write(pages() / "003_cb000c7924d76c46.txt", "How do you pick a sharding key?\nSenior Level\nStorage");
    IndexSummary s = run();
    EXPECT_EQ(s.updated, 1u);
    EXPECT_EQ(s.unchanged, 3u);
    EXPECT_EQ(Searcher(db()).search({"sharding", {}, 0, 10}).total, 1u);
    EXPECT_EQ(Searcher(db()).search({"\"real-time ETA\"", {}, 0, 10}).total, 0u);
}

// Same bytes, new modification time: recognized by content hash, remembered for next time.
TEST_F(IndexerTest, TouchedFileIsUnchanged) {
    run();
    fs::last_write_time(pages() / "000_41899f8394122547.txt", fs::file_time_type::clock::now());
    IndexSummary touched = run();
    EXPECT_EQ(touched.unchanged, 4u);
    EXPECT_EQ(touched.updated, 0u);
    EXPECT_EQ(run().unchanged, 4u);
}

TEST_F(IndexerTest, VanishedFileIsRemovedUnlessNoPrune) {
    run();
    fs::remove(pages() / "002_22658396d99d4cfe.txt");
    IndexOptions keep;
    keep.prune = false;
    EXPECT_EQ(run(keep).removed, 0u);
    EXPECT_EQ(documents(), 4u);
    IndexSummary pruned = run();
    EXPECT_EQ(pruned.removed, 1u);
    EXPECT_EQ(documents(), 3u);
}

// Only folders given to the run are pruned: indexing one file prunes nothing.
TEST_F(IndexerTest, IndexingOneFileDoesNotPruneTheRest) {
    run();
    IndexSummary s = run({}, {(pages() / "000_41899f8394122547.txt").string()});
    EXPECT_EQ(s.removed, 0u);
    EXPECT_EQ(s.unchanged, 1u);
    EXPECT_EQ(documents(), 4u);
}

TEST_F(IndexerTest, FullRebuildReparsesEverything) {
    run();
    IndexOptions full;
    full.full = true;
    IndexSummary s = run(full);
    EXPECT_EQ(s.added, 4u);
    EXPECT_EQ(s.unchanged, 0u);
    EXPECT_EQ(documents(), 4u);
}

TEST_F(IndexerTest, BadFilesAreSkippedAndReportedTheRestIndexed) {
    fs::path bad = dir_.path() / "bad";
    fs::create_directories(bad);
    write(bad / "a_empty.txt", "");
    write(bad / "b_binary.txt", std::string("ab\0cd", 5));
    write(bad / "c_latin1.txt", "caf\xE9");
    write(bad / "d_large.txt", std::string(2000, 'x'));
    fs::create_symlink("f_loop.txt", bad / "e_loop.txt");
    fs::create_symlink("e_loop.txt", bad / "f_loop.txt");
    fs::create_symlink("nowhere.txt", bad / "g_dangling.txt");
    ASSERT_EQ(::mkfifo((bad / "h_fifo").c_str(), 0600), 0);
    write(bad / "i_good.txt", "Why do you want this role?");
    IndexOptions options;
    options.max_bytes = 1000;
    IndexSummary s = run(options, {bad.string()});
    std::string b = bad.string() + "/";
    EXPECT_EQ(skipped(s), (std::vector<std::string>{
                              b + "a_empty.txt: error: empty file",
                              b + "b_binary.txt:1: error: binary file: NUL byte at offset 2",
                              b + "c_latin1.txt:1: error: invalid UTF-8 byte 0xE9 at offset 3; save the file as UTF-8",
                              b + "d_large.txt: error: larger than the 1000 bytes limit (2000 bytes); raise --max-bytes to index it",
                              b + "e_loop.txt: error: symlink loop",
                              b + "f_loop.txt: error: symlink loop",
                              b + "g_dangling.txt: error: broken symlink",
                              b + "h_fifo: error: not a regular file",
                          }));
    EXPECT_EQ(s.added, 1u);
    EXPECT_EQ(documents(), 1u);
}

TEST_F(IndexerTest, UnreadableFileIsSkipped) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
    fs::path locked = pages() / "zz_locked.txt";
    write(locked, "Why?");
    fs::permissions(locked, fs::perms::none);
    IndexSummary s = run();
    EXPECT_EQ(skipped(s), std::vector<std::string>{locked.string() + ": error: permission denied"});
    EXPECT_EQ(s.added, 4u);
}

TEST_F(IndexerTest, FileThatVanishesMidRunIsSkipped) {
    for (int i = 0; i < 30; ++i) write(pages() / ("extra_" + std::to_string(10 + i) + ".txt"), "Question " + std::to_string(i) + "?");
    fs::path doomed = pages() / "extra_39.txt";
    IndexOptions options;
    options.jobs = 1;  // the worker is at most a few files ahead of the writer
    options.on_progress = [&](const IndexProgress&) { fs::remove(doomed); };
    IndexSummary s = run(options);
    EXPECT_EQ(skipped(s), std::vector<std::string>{doomed.string() + ": error: vanished during the run"});
    EXPECT_EQ(s.added, 33u);
}

// A page that was indexed and later turns bad keeps its last good document.
TEST_F(IndexerTest, GoodDataSurvivesAFileGoingBad) {
    run();
    write(pages() / "000_41899f8394122547.txt", "caf\xE9");
    IndexSummary s = run();
    EXPECT_EQ(s.problems.size(), 1u);
    EXPECT_EQ(s.removed, 0u);
    EXPECT_EQ(Searcher(db()).search({"thundering herd", {}, 0, 10}).total, 1u);
}

TEST_F(IndexerTest, ParallelRunsMatchSerialRuns) {
    for (int i = 0; i < 40; ++i) write(pages() / ("p" + std::to_string(100 + i) + ".txt"), "Question number " + std::to_string(i) + " about caching?");
    auto ranked_ids = [&](unsigned jobs) {
        fs::remove_all(db());
        IndexOptions options;
        options.jobs = jobs;
        EXPECT_EQ(run(options).added, 44u);
        std::vector<std::string> ids;
        for (const Hit& h : Searcher(db()).search({"", {}, 0, 100}).hits) ids.push_back(h.record.id);
        return ids;
    };
    EXPECT_EQ(ranked_ids(1), ranked_ids(4));
}

TEST_F(IndexerTest, NothingIsVisibleBeforeCommit) {
    run();
    {
        Indexer indexer(db());
        write(pages() / "new.txt", "What is a new question?");
        indexer.add_path(pages().string());
        EXPECT_EQ(documents(), 4u);  // a reader during the run sees the old state
    }  // destroyed without commit
    EXPECT_EQ(documents(), 4u);
    EXPECT_EQ(run().added, 1u);
    EXPECT_EQ(documents(), 5u);
}

TEST_F(IndexerTest, SecondWriterIsRefusedClearly) {
    Indexer first(db());
    try {
        Indexer second(db());
        FAIL() << "two writers";
    } catch (const IndexLockedError& e) {
        EXPECT_EQ(e.kind(), Error::Kind::IndexLocked);
        EXPECT_EQ(std::string(e.what()), "index " + db() + " is being written by another qbank index");
    }
}

TEST_F(IndexerTest, RecordWithoutAnIdIsBadInput) {
    Indexer indexer(db());
    Record record;
    record.title = "No id";
    EXPECT_THROW(indexer.add_record(record), BadInputError);
    record.id = "00000000000000aa";
    indexer.add_record(record);
    EXPECT_EQ(indexer.commit().added, 1u);
}

// An index written by a qbank with another schema: searching and updating it are
// refused with the command that rebuilds it, and that command (full) works.
TEST_F(IndexerTest, IndexOfAnotherSchemaIsRefusedUntilRebuiltInFull) {
    EXPECT_EQ(run().added, 4u);
    {
        Xapian::WritableDatabase raw(db());
        raw.set_metadata("qbank.schema_version", "2");
        raw.set_metadata("qbank.written_by", "0.0.1");
        raw.commit();
    }
    const std::string expected = "index " + db() + " was written by qbank 0.0.1 with schema 2; qbank " +
                                 std::string(version()) + " needs schema " + std::to_string(schema_version()) +
                                 ": rebuild it from the files it was built from";
    try {
        Searcher searcher(db());
        ADD_FAILURE() << "searched an index of schema 2";
    } catch (const IndexIncompatibleError& e) {
        EXPECT_EQ(std::string(e.what()), expected);
    }
    try {
        run();
        ADD_FAILURE() << "updated an index of schema 2";
    } catch (const IndexIncompatibleError& e) {
        EXPECT_EQ(std::string(e.what()), expected);
    }
    IndexOptions full;
    full.full = true;
    IndexSummary rebuilt = run(full);
    EXPECT_EQ(rebuilt.added, 4u);
    EXPECT_EQ(rebuilt.removed, 0u);
    EXPECT_EQ(documents(), 4u);
}

// A searcher opened before several rebuilds still answers, from the commit it opened.
TEST_F(IndexerTest, SearcherSurvivesRewritesUnderIt) {
    run();
    Searcher searcher(db());
    IndexOptions full;
    full.full = true;
    for (int i = 0; i < 4; ++i) {
        write(pages() / "000_41899f8394122547.txt", "Zebracorn number " + std::to_string(i) + " about thundering herds?");
        run(full);
    }
    // Each rebuild was written beside the index and swapped in: the old files stay
    // whole for the searcher until it reopens.
    EXPECT_EQ(searcher.search({"zebracorn", {}, 0, 10}).total, 0u);
    EXPECT_TRUE(searcher.reopen());
    EXPECT_EQ(searcher.search({"zebracorn", {}, 0, 10}).total, 1u);
}

// Issue 17: a run written beside the index (more changes than half of flush_every)
// leaves the same documents as the same run written in place: new, changed,
// duplicate, split and removed pages, and a rebuild. The second run makes eight
// changes in place (questions left a handbook among them) before it moves.
TEST_F(IndexerTest, RunsWrittenBesideEndAsRunsInPlace) {
    auto documents_of = [](const std::string& path) {
        Xapian::Database db(path);
        const std::string id_prefix = schema::id_term("");
        std::map<std::string, std::string> out;  // record id -> data, terms and values
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document doc = db.get_document(*it);
            std::string id, all = doc.get_data();
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                if ((*t).rfind(id_prefix, 0) == 0) id = *t;
                all += "\n" + *t + " " + std::to_string(t.get_wdf());
            }
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
                all += "\n" + std::to_string(v.get_valueno()) + "=" + *v;
            out[id] = all;
        }
        return out;
    };
    auto both = [&](IndexOptions options) {
        for (unsigned flush_every : {0u, 16u}) {
            options.flush_every = flush_every;
            Indexer indexer(dir_.str(flush_every == 0 ? "in-place" : "beside"), options);
            indexer.add_path(pages().string());
            indexer.commit();
        }
        auto in_place = documents_of(dir_.str("in-place")), beside = documents_of(dir_.str("beside"));
        EXPECT_EQ(beside.size(), in_place.size());
        for (const auto& [id, all] : in_place) EXPECT_TRUE(beside.count(id) && beside.at(id) == all) << id;
        EXPECT_FALSE(fs::exists(dir_.str("beside") + ".writing"));
    };
    std::string handbook;
    for (int i = 0; i < 6; ++i) handbook += "## How would you shard table " + std::to_string(i) + "?\n\nBy key.\n\n";
    write(pages() / "00.md", handbook);  // read first: its changes are made in place, then moved
    both({});
    EXPECT_EQ(Searcher(dir_.str("beside")).stats().documents, 10u);
    write(pages() / "00.md", handbook.substr(handbook.find("## How would you shard table 2")) +
                                       "## How do you size a cache?\n\nBy the working set.\n");
    fs::copy_file(pages() / "001_27a37069c9836300.txt", pages() / "zz_copy.txt");
    fs::remove(pages() / "002_22658396d99d4cfe.txt");
    write(pages() / "000_41899f8394122547.txt", "How do you handle a thundering herd?\n\nJitter the retries.\n");
    both({});
    IndexOptions full;
    full.full = true;
    both(full);
}

// Rebuilt in place (no bound on memory), the index recycles the blocks an old
// searcher reads: Xapian says so, and the searcher reopens by itself.
TEST_F(IndexerTest, SearcherReopensWhenRewritesInPlaceRecycleItsBlocks) {
    run();
    Searcher searcher(db());
    IndexOptions full;
    full.full = true;
    full.flush_every = 0;
    for (int i = 0; i < 4; ++i) {
        write(pages() / "000_41899f8394122547.txt", "Zebracorn number " + std::to_string(i) + " about thundering herds?");
        run(full);
    }
    EXPECT_EQ(searcher.search({"zebracorn", {}, 0, 10}).total, 1u);
}

// The contract in the headers: a Searcher per thread, any number at once, while
// one Indexer commits. Every search sees a whole committed state.
TEST_F(IndexerTest, SearchersInManyThreadsWhileOneWriterCommits) {
    run();
    std::atomic<bool> writing{true};
    std::atomic<int> searches{0};
    std::vector<std::string> errors(4);
    std::vector<std::thread> readers;
    for (std::size_t t = 0; t < errors.size(); ++t) {
        readers.emplace_back([&, t] {
            try {
                Searcher searcher(db());
                do {
                    SearchResult r = searcher.search({"thundering herd", {}, 0, 3});
                    if (r.total != 1 || r.hits.size() != 1) errors[t] = "saw " + std::to_string(r.total) + " hits";
                    if (searcher.stats().documents < 4) errors[t] = "saw part of a run";
                    ++searches;
                } while (writing || searches < 40);
            } catch (const std::exception& e) {
                errors[t] = e.what();
            }
        });
    }
    IndexOptions full;
    full.full = true;
    for (int i = 0; i < 6; ++i) {
        write(pages() / ("extra" + std::to_string(i) + ".txt"), "Question number " + std::to_string(i) + "?");
        run(i % 2 == 0 ? full : IndexOptions{});
    }
    writing = false;
    for (std::thread& reader : readers) reader.join();
    for (const std::string& error : errors) EXPECT_EQ(error, "");
    EXPECT_EQ(documents(), 10u);
}

TEST_F(IndexerTest, IndexFolderInsideTheCorpusIsNotIndexed) {
    Indexer indexer((pages() / "index").string());
    indexer.add_path(pages().string());
    IndexSummary s = indexer.commit();
    EXPECT_EQ(s.added, 4u);
    EXPECT_TRUE(s.problems.empty());
}

TEST_F(IndexerTest, NonUtf8FileNameIsIndexed) {
    write(pages() / "caf\xE9.txt", "Why this job?");
    IndexSummary s = run();
    EXPECT_EQ(s.added, 5u);
    EXPECT_TRUE(s.problems.empty());
}

TEST_F(IndexerTest, CorpusWideBannerIsLearnedAndRemoved) {
    const std::string banner = "Sign up to unlock every answer in our premium plan today.";
    const std::string shared = "I learned that writing things down matters more than speed.";
    for (int i = 0; i < 30; ++i) {
        std::string page = "Question " + std::to_string(i) + ": how do you plan work number " + std::to_string(i) +
                           "?\n" + banner + "\n## Solution\nAnswer " + std::to_string(i) + " is about topic" +
                           std::to_string(i) + ".";
        if (i < 2) page += "\n" + shared;
        write(pages() / ("b" + std::to_string(10 + i) + ".txt"), page);
    }
    IndexSummary s = run();
    ASSERT_EQ(s.boilerplate.size(), 1u);
    EXPECT_EQ(s.boilerplate[0].text, banner);
    EXPECT_EQ(s.boilerplate[0].pages, 30u);
    Searcher searcher(db());
    EXPECT_EQ(searcher.search({"premium", {}, 0, 10}).total, 0u);
    EXPECT_EQ(searcher.search({"\"writing things down\"", {}, 0, 10}).total, 2u);  // shared by two: kept
    SearchResult one = searcher.search({"topic7", {}, 0, 10});
    ASSERT_EQ(one.total, 1u);
    Record stored = *searcher.find(one.hits[0].record.id);  // a hit carries no removed blocks unless asked
    ASSERT_EQ(stored.removed.size(), 1u);
    EXPECT_EQ(stored.removed[0].scope, RemovedBlock::Scope::Corpus);
    EXPECT_EQ(stored.removed[0].count, 1);

    // A later run with one new page too few to learn from uses what was learned.
    write(pages() / "late.txt", "How do you review code?\n" + banner + "\n## Solution\nCarefully, latecomer.");
    IndexSummary later = run();
    EXPECT_EQ(later.added, 1u);
    ASSERT_EQ(later.boilerplate.size(), 1u);
    EXPECT_EQ(later.boilerplate[0].pages, 1u);
    EXPECT_EQ(Searcher(db()).search({"premium", {}, 0, 10}).total, 0u);
}

TEST_F(IndexerTest, BoilerplateThresholdsAreConfigurable) {
    const std::string line = "Sign up to unlock every answer in our premium plan today.";
    for (int i = 0; i < 30; ++i)
        write(pages() / ("c" + std::to_string(10 + i) + ".txt"),
              "Question " + std::to_string(i) + "?\n" + (i < 4 ? line : "Nothing shared here at all " + std::to_string(i)));
    IndexOptions strict;
    strict.boilerplate_min_pages = 5;  // on 4 of 34 pages: not boilerplate
    EXPECT_TRUE(run(strict).boilerplate.empty());
    IndexOptions loose;
    loose.full = true;
    loose.boilerplate_min_pages = 3;
    loose.boilerplate_min_share = 0.05;
    IndexSummary s = run(loose);
    ASSERT_EQ(s.boilerplate.size(), 1u);
    EXPECT_EQ(s.boilerplate[0].pages, 4u);
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DuplicatesTest : public IndexerTest {
protected:
    fs::path original() const { return pages() / "000_41899f8394122547.txt"; }

    std::optional<Record> only_hit(const std::string& query) {
        SearchResult r = Searcher(db()).search({query, {}, 0, 10});
        EXPECT_EQ(r.total, 1u) << query;
        if (r.hits.empty()) return std::nullopt;
        return r.hits[0].record;
    }
};

TEST_F(DuplicatesTest, ExactCopyBecomesOneDocumentListingBoth) {
    fs::copy_file(original(), pages() / "zz_copy.txt");
    IndexSummary s = run();
    EXPECT_EQ(s.added, 4u);
    EXPECT_EQ(s.duplicates, 1u);
    auto hit = only_hit("\"thundering herd\"");
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->source, original().string());
    EXPECT_EQ(hit->duplicates, std::vector<std::string>{(pages() / "zz_copy.txt").string()});
    EXPECT_EQ(documents(), 4u);
    EXPECT_EQ(run().unchanged, 5u);  // both files are remembered
}

// The same question scraped again: another banner, a few words edited.
TEST_F(DuplicatesTest, NearDuplicateIsMerged) {
    std::string page = read(original());
    page = "Cookie notice: this site uses cookies to remember your settings.\n" + page;
    page.replace(page.find("mid-sized Fintech"), 17, "large Fintech");
    page.replace(page.find("three major outages"), 19, "four major outages");
    write(pages() / "zz_rescraped.txt", page);
    IndexSummary s = run();
    EXPECT_EQ(s.duplicates, 1u);
    EXPECT_EQ(documents(), 4u);
    ASSERT_TRUE(only_hit("\"thundering herd\""));
}

// Issue 12: the same question filed under other facets by another site is found
// under those too, until that copy goes.
TEST_F(DuplicatesTest, Issue12_MergedDuplicateCarriesTheUnionOfFacets) {
    std::string page = read(original());
    page = "Home › Question Bank › Reliability › Staff\nTags: On-call\n\n" + page;
    write(pages() / "zz_refiled.txt", page);
    run();
    auto found = [&](const std::string& filter) {
        return Searcher(db()).search({"\"thundering herd\"", {parse_filter(filter)}, 0, 10}).total;
    };
    Record original_record = *only_hit("\"thundering herd\"");
    ASSERT_NE(original_record.category, "Reliability");
    EXPECT_EQ(found("category:Reliability"), 1u);
    EXPECT_EQ(found("category:" + *original_record.category), 1u);
    EXPECT_EQ(found("level:Staff+"), 1u);
    EXPECT_EQ(found("tag:on-call"), 1u);
    auto tags = only_hit("\"thundering herd\"")->tags;
    EXPECT_NE(std::find(tags.begin(), tags.end(), "On-call"), tags.end());
    SearchRequest request{"\"thundering herd\"", {}, 0, 10};
    request.facets = {"category"};
    EXPECT_EQ(count_of(Searcher(db()).search(request).facets["category"], "Reliability"), 1u);

    fs::remove(pages() / "zz_refiled.txt");
    run();
    EXPECT_EQ(found("category:Reliability"), 0u);
    EXPECT_EQ(found("tag:on-call"), 0u);
    tags = only_hit("\"thundering herd\"")->tags;
    EXPECT_EQ(std::find(tags.begin(), tags.end(), "On-call"), tags.end());
}

// Issue 15: a folder holding a duplicate pair, deleted between runs, is pruned
// quietly; its files were gone before the run began, not "during" it.
TEST_F(DuplicatesTest, Issue15_PrunedDuplicatePairIsNoError) {
    fs::create_directories(pages() / "pair");
    fs::copy_file(original(), pages() / "pair" / "a.txt");
    std::string edited = read(original());  // a near duplicate: other bytes, same question
    edited.replace(edited.find("three major outages"), 19, "four major outages");
    write(pages() / "pair" / "b.txt", edited);
    fs::remove(original());
    run();
    fs::remove_all(pages() / "pair");
    IndexSummary s = run();
    EXPECT_EQ(skipped(s), std::vector<std::string>{});
    EXPECT_EQ(s.removed, 1u);
    EXPECT_EQ(documents(), 3u);
}

TEST_F(DuplicatesTest, DistinctQuestionsSharingAShapeStayApart) {
    std::string page = read(pages() / "001_27a37069c9836300.txt");
    write(pages() / "zz_other.txt", "The Question\nBehavioral\n\nHandling an Outage\n\nTell me about an outage you led "
                                     "the response to.\nSenior Level\nIncident Response\nCoach Strategy\n\nSignals:\n"
                                     "Calm under pressure, clear communication and a blameless review afterwards.");
    IndexSummary s = run();
    EXPECT_EQ(s.duplicates, 0u);
    EXPECT_EQ(documents(), 5u);
}

TEST_F(DuplicatesTest, DocumentOutlivesItsFirstFileAndGoesWithItsLast) {
    fs::copy_file(original(), pages() / "zz_copy.txt");
    run();
    std::string id = only_hit("\"thundering herd\"")->id;
    fs::remove(original());
    IndexSummary first = run();
    EXPECT_EQ(first.removed, 0u);
    auto hit = only_hit("\"thundering herd\"");
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->id, id);  // the id stays
    EXPECT_EQ(hit->source, (pages() / "zz_copy.txt").string());
    EXPECT_TRUE(hit->duplicates.empty());
    fs::remove(pages() / "zz_copy.txt");
    EXPECT_EQ(run().removed, 1u);
    EXPECT_EQ(documents(), 3u);
}

TEST_F(DuplicatesTest, DuplicateThatChangesLeavesAndStandsAlone) {
    fs::copy_file(original(), pages() / "zz_copy.txt");
    run();
    write(pages() / "zz_copy.txt", "How do you onboard a new engineer?\nSenior Level\nMentoring");
    IndexSummary s = run();
    EXPECT_EQ(s.added, 1u);
    EXPECT_EQ(documents(), 5u);
    auto hit = only_hit("\"thundering herd\"");
    ASSERT_TRUE(hit);
    EXPECT_TRUE(hit->duplicates.empty());
}

TEST_F(DuplicatesTest, EditedOriginalKeepsItsDuplicates) {
    fs::copy_file(original(), pages() / "zz_copy.txt");
    run();
    std::string page = read(original());
    page.replace(page.find("thundering herd"), 15, "stampeding herd");
    write(original(), page);
    IndexSummary s = run();
    EXPECT_EQ(s.updated, 1u);
    auto hit = only_hit("\"stampeding herd\"");
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->duplicates, std::vector<std::string>{(pages() / "zz_copy.txt").string()});
    EXPECT_EQ(documents(), 4u);
}

// Regression: the duplicate kept the question the original no longer asks.
TEST_F(DuplicatesTest, OriginalThatChangesQuestionLeavesItsDuplicate) {
    fs::copy_file(original(), pages() / "zz_copy.txt");
    run();
    write(original(), "How do you onboard a new engineer?\nSenior Level\nMentoring");
    IndexSummary s = run();
    EXPECT_EQ(documents(), 5u);
    auto herd = only_hit("\"thundering herd\"");
    ASSERT_TRUE(herd);
    EXPECT_EQ(herd->source, (pages() / "zz_copy.txt").string());
    ASSERT_TRUE(only_hit("onboard"));
}

// Regression: when the original vanished, the duplicate's own words were never indexed,
// and a new file at the original's path then overwrote the document that kept its id.
TEST_F(DuplicatesTest, PromotedDuplicateBringsItsOwnContentAndIdsNeverCollide) {
    std::string page = read(original());
    page.replace(page.find("thundering herd"), 15, "stampeding herd");
    write(pages() / "zz_near.txt", page);
    EXPECT_EQ(run().duplicates, 1u);
    fs::remove(original());
    run();
    auto promoted = only_hit("\"stampeding herd\"");
    ASSERT_TRUE(promoted);
    EXPECT_EQ(Searcher(db()).search({"\"thundering herd\"", {}, 0, 10}).total, 0u);

    write(original(), "How do you onboard a new engineer?\nSenior Level\nMentoring");
    IndexSummary s = run();
    EXPECT_EQ(s.added, 1u);
    EXPECT_EQ(documents(), 5u);
    auto newcomer = only_hit("onboard");
    ASSERT_TRUE(newcomer);
    EXPECT_NE(newcomer->id, promoted->id);
    EXPECT_TRUE(only_hit("\"stampeding herd\""));
}

// Regression: a smaller batch relearned and forgot the corpus's banner.
TEST_F(IndexerTest, SmallerBatchKeepsWhatTheCorpusTaught) {
    const std::string banner = "Sign up to unlock every answer in our premium plan today.";
    for (int i = 0; i < 25; ++i)
        write(pages() / ("b" + std::to_string(10 + i) + ".txt"),
              "Question " + std::to_string(i) + " about work?\n" + banner + "\n## Solution\nAnswer " + std::to_string(i));
    EXPECT_EQ(run().boilerplate.size(), 1u);
    for (int i = 0; i < 20; ++i)
        write(pages() / ("n" + std::to_string(10 + i) + ".txt"), "Other question " + std::to_string(i) + " here?");
    run();
    write(pages() / "late.txt", "Late question about reviews?\n" + banner);
    run();
    EXPECT_EQ(Searcher(db()).search({"premium", {}, 0, 10}).total, 0u);
}

TEST_F(IndexerTest, UnreadableSubfolderPrunesNothing) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
    fs::create_directories(pages() / "a_sub");
    write(pages() / "a_sub" / "x.txt", "Why?");
    run();
    fs::permissions(pages() / "a_sub", fs::perms::none);
    IndexSummary s = run();
    fs::permissions(pages() / "a_sub", fs::perms::owner_all);
    EXPECT_EQ(s.removed, 0u);
    EXPECT_EQ(s.problems.size(), 1u);
    EXPECT_EQ(documents(), 5u);
}

// Regression: after a write Xapian refuses, committing would have written part of a run.
TEST_F(IndexerTest, FailedWriteMeansNothingIsCommitted) {
    run();
    Indexer indexer(db());
    Record bad;
    bad.id = std::string(300, 'x');  // longer than any Xapian term
    bad.title = "Bad";
    EXPECT_THROW(indexer.add_record(bad), Error);
    EXPECT_THROW(indexer.commit(), Error);
    EXPECT_EQ(documents(), 4u);
}

}  // namespace
}  // namespace qbank
