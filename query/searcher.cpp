#include "qbank/searcher.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

#include "errors/index_errors.h"
#include "qbank/error.h"
#include "qbank/json.h"
#include "query/excerpt.h"
#include "query/explain.h"
#include "query/facets.h"
#include "query/hit_order.h"
#include "query/language_preference.h"
#include "query/match_all.h"
#include "query/query_builder.h"
#include "query/query_terms.h"
#include "query/related.h"
#include "query/shard_open.h"
#include "query/synonyms.h"
#include "schema/fields.h"
#include "schema/hit_fields.h"
#include "schema/index_version.h"
#include "schema/level_name.h"
#include "schema/ranking.h"
#include "schema/stored_record.h"

namespace qbank {

namespace {

query::OpenedIndex open_for_reading(const std::string& path, std::optional<double> shard_timeout) {
    errors::require_index_folder(path);
    try {
        query::OpenedIndex opened = query::open_index(path, shard_timeout);
        schema::check_schema_version(opened.db, path);
        return opened;
    } catch (const Xapian::Error& e) {
        errors::throw_index_error(e, path);
    }
}

query::Synonyms load_synonyms(const std::vector<std::string>& files) {
    query::Synonyms synonyms = query::Synonyms::shipped();
    for (const std::string& file : files) synonyms.add_file(file);
    return synonyms;
}

Xapian::BM25Weight make_weighting(const SearcherOptions& o) {
    const schema::Bm25Params& p = schema::kBm25;
    return Xapian::BM25Weight(o.bm25_k1.value_or(p.k1), p.k2, p.k3, o.bm25_b.value_or(p.b), p.min_normlen);
}

std::vector<std::string> all_facet_fields() {
    std::vector<std::string> names;
    for (const schema::Field& f : schema::kFields)
        if (f.facet) names.emplace_back(f.name);
    return names;
}

// Throws BadInputError for a name that is not a facet field.
void check_facet_fields(const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        const schema::Field* field = schema::find_field(name);
        if (field == nullptr || !field->facet) {
            std::string known;
            for (const std::string& n : all_facet_fields()) known += (known.empty() ? "" : ", ") + n;
            throw BadInputError("cannot count facet '" + name + "': facet fields are " + known);
        }
    }
}

// The facet fields asked for (checked by check_facet_fields), counted over every
// match: a spy notes the matches, their values are read after the match; over
// several shards, one value-counting spy per field (query/facets.h). The spies
// are attached to each enquire of a search and count what all of them match.
struct FacetSpies {
    std::vector<std::string> names;
    query::MatchedDocuments matched;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> sharded;  // one per name, over several shards

    // `shards`: the database is a stub's, whose shards may be remote.
    FacetSpies(bool shards, const std::vector<std::string>& asked) {
        for (const std::string& name : asked)
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        if (shards)
            for (const std::string& name : names)
                sharded.push_back(
                    std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot_number(*schema::find_field(name)->facet)));
    }

    void attach(Xapian::Enquire& enquire) {
        if (names.empty()) return;
        if (sharded.empty()) enquire.add_matchspy(&matched);
        for (const auto& spy : sharded) enquire.add_matchspy(spy.get());
    }

    std::map<std::string, FacetCounts> counts(const Xapian::Database& db, std::size_t limit = 0) {
        std::map<std::string, FacetCounts> out;
        for (std::size_t i = 0; i < names.size(); ++i)
            out[names[i]] = sharded.empty()
                                ? query::count_facet(db, *schema::find_field(names[i])->facet, matched.ids(), limit)
                                : query::facet_counts(query::tally_of(*sharded[i]), limit);
        return out;
    }
};

// One run of a query: its facet counts, total and the page of hits asked for,
// ranked tier after tier (query/hit_order.h).
struct Matches {
    // One tier's enquire, and its part of the page.
    struct TierPage {
        Xapian::Enquire enquire;
        Xapian::MSet mset;
        std::size_t ranked_before = 0;  // matches of the tiers before it
    };

    // Ranks what `q` matches, pages in the `preferred` language first, with the
    // bonus of words standing together (`near`, may be empty). `exact`: every
    // match is visited, so that facet counts and the total are exact, not
    // estimates; otherwise only enough to fill the page.
    Matches(const Xapian::Database& db, bool shards, const Xapian::Query& q, const Xapian::Query& near_words,
            const std::string& preferred, const std::vector<std::string>& index_languages,
            const Xapian::Weight& weighting, const SearchRequest& request, bool exact)
        : query(q), near(near_words), facets(shards, request.facets) {
        // The nearness bonus reads positions: checked for every match, it costs as
        // much again as the match. So when every match is to be counted, one run
        // without it counts them and their facets, and the hits are ranked with it
        // only as far as the page needs. Not over shards: there Xapian 1.4 weighs
        // some hits otherwise when it stops early (tests/cli: local against remote).
        const bool count_apart = exact && !near.empty() && !shards;
        if (count_apart) {
            Xapian::Enquire counting(db);
            counting.set_query(query);
            counting.set_weighting_scheme(Xapian::BoolWeight());
            facets.attach(counting);
            total_ = counting.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
        }
        // Xapian counts documents in 32 bits; a larger offset is past every hit anyway.
        constexpr std::size_t kMaxCount = std::numeric_limits<Xapian::doccount>::max();
        const std::size_t first = std::min(request.offset, kMaxCount);
        std::size_t wanted = std::min(request.limit, kMaxCount - first);
        std::size_t ranked_so_far = 0;  // matches of the tiers before
        const bool every_match = exact && !count_apart;
        for (const query::Tier& tier : query::hit_tiers(request.sort, preferred, index_languages)) {
            if (!every_match && wanted == 0) break;  // the tiers before filled the page
            TierPage& t = tiers.emplace_back(TierPage{Xapian::Enquire(db), {}, ranked_so_far});
            // The bonus goes on last, over the tier's matches (query::with_nearness).
            t.enquire.set_query(query::with_nearness(query::in_tier(query, tier), near));
            t.enquire.set_weighting_scheme(weighting);
            query::rank_tier(t.enquire, request.sort);
            if (!count_apart) facets.attach(t.enquire);
            const std::size_t skip = first > ranked_so_far ? first - ranked_so_far : 0;
            // Not every match, a tier's count is still exact when it ends within the
            // page, which is all the tiers after it need to know.
            const Xapian::doccount check =
                every_match ? db.get_doccount() : static_cast<Xapian::doccount>(std::min(skip + wanted, kMaxCount));
            t.mset = t.enquire.get_mset(static_cast<Xapian::doccount>(std::min(skip, kMaxCount)),
                                        static_cast<Xapian::doccount>(wanted), check);
            wanted -= t.mset.size();
            ranked_so_far += t.mset.get_matches_estimated();
        }
        if (!count_apart) total_ = ranked_so_far;
    }

    std::size_t total() const { return total_; }

    Xapian::Query query;
    Xapian::Query near;  // the nearness bonus (QueryBuilder::nearness)
    FacetSpies facets;
    std::vector<TierPage> tiers;

private:
    std::size_t total_ = 0;
};

// The level a search asks for, whose sample answers its excerpts prefer.
std::optional<Level> filtered_level(const std::vector<Filter>& filters) {
    for (const Filter& f : filters)
        if (f.field == schema::field(schema::FieldId::Level).name) return schema::parse_level_name(f.value);
    return std::nullopt;
}

}  // namespace

std::size_t count_of(const FacetCounts& counts, std::string_view value) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const FacetValue& v) { return v.value == value; });
    return it == counts.end() ? 0 : it->count;
}

// A query finding at most kFewMatches pages is searched corrected too, and
// corrected when that finds kManyTimesMore times as many (any, if it found none).
constexpr std::size_t kFewMatches = 3;
constexpr std::size_t kManyTimesMore = 4;

// The index folder's inode (0 if it cannot be read). A run written beside the
// index and swapped in, or a compaction, puts a new folder in its place.
ino_t folder_inode(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

struct Searcher::Impl {
    Impl(const std::string& p, const SearcherOptions& options)
        : path(p), shard_timeout(options.shard_timeout), inode(folder_inode(p)),
          synonyms(load_synonyms(options.synonym_files)), weighting(make_weighting(options)) {
        adopt(open_for_reading(path, shard_timeout));
    }

    std::string path;
    std::optional<double> shard_timeout;
    ino_t inode;  // of the folder `db` was opened from
    Xapian::Database db;
    bool stub = false;                         // `db` is the shards of a stub
    std::vector<MissingShard> missing_shards;  // of a stub: left out of `db`
    std::optional<Xapian::Database> lexicon;   // a stub's spelling data
    query::Synonyms synonyms;
    Xapian::BM25Weight weighting;
    std::string index_language;                // what most documents are written in
    std::vector<std::string> index_languages;  // every language documents are written in

    // Moves to the index's last commit, if it is another. A folder swapped in holds
    // a new database, whose revisions count from 1 again: it is opened afresh, since
    // Xapian's reopen() compares revisions only. Otherwise reopen() is enough, and
    // cheap when nothing changed.
    // A stub with a missing shard is opened afresh too, so that a shard back up is searched again.
    bool refresh() {
        if (ino_t now = folder_inode(path); now != inode || !missing_shards.empty()) {
            inode = now;  // read first: a swap after it is seen by the next refresh
            adopt(open_for_reading(path, shard_timeout));
            return true;
        }
        Xapian::rev before = db.get_revision();
        if (!db.reopen() || db.get_revision() == before) return false;
        index_language = query::dominant_language(db);
        index_languages = query::languages_of(db);
        return true;
    }

    void adopt(query::OpenedIndex opened) {
        db = std::move(opened.db);
        stub = opened.stub;
        missing_shards = std::move(opened.missing_shards);
        lexicon = std::move(opened.lexicon);
        index_language = query::dominant_language(db);
        index_languages = query::languages_of(db);
    }

    // Runs `work`, moving to the last commit once if a writer recycled the blocks it
    // was reading, and opening a stub's shards again once if one stopped answering
    // (it is then missing).
    template <typename Work>
    auto with_snapshot(const std::string& what, Work work) {
        for (int attempt = 0;; ++attempt) {
            try {
                return work();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt > 0) throw IndexIOError("index " + path + " keeps changing under " + what);
                refresh();
            } catch (const Xapian::NetworkError& e) {
                if (attempt > 0) throw IndexIOError("a shard of " + path + " failed under " + what + ": " +
                                                    errors::what_went_wrong(e));
                adopt(open_for_reading(path, shard_timeout));
            } catch (const Xapian::Error& e) {
                errors::throw_index_error(e, path);  // as on opening: a damaged table is IndexCorruptError
            }
        }
    }

    // The language a query is written in, whose pages rank first and whose rules stem its words.
    std::string language_of(const SearchRequest& request) const {
        return query::preferred_language(request.query, index_language);
    }

    std::unique_ptr<Matches> run(const Xapian::Query& q, const Xapian::Query& near, const std::string& language,
                                 const SearchRequest& request, bool exact = true) {
        return std::make_unique<Matches>(db, stub, q, near, language, index_languages, weighting, request, exact);
    }

    SearchResult search(const SearchRequest& request) {
        check_facet_fields(request.facets);
        schema::HitFields fields(request.fields);
        const std::string language = language_of(request);
        query::QueryBuilder builder(db, synonyms, language, index_languages, lexicon ? &*lexicon : nullptr);
        // One run of the query `text` (as typed, corrected or relaxed) with its nearness bonus.
        auto search_text = [&](const std::string& text, const std::vector<Filter>& filters,
                               Xapian::Query::op op = Xapian::Query::OP_AND) {
            Xapian::Query query = builder.build(text, filters, op);
            return run(query, builder.nearness(text), language, request);
        };
        SearchResult result;
        result.query = request.query;
        std::unique_ptr<Matches> matches = search_text(request.query, request.filters);
        std::optional<std::string> correction;
        if (auto fix = builder.correct_spelling(request.query)) {
            correction = fix->text;
            // A misspelt word can still find a few pages: by its stem ("reconcilation"
            // is "reconcil", as in "reconcile") or where a page has the same typo. When
            // the corrected query finds many times more, it is what was meant. A word no
            // page holds in any form adds nothing: what the query found came from its
            // other words ("most common behavorial interview questions"). A correction
            // with the typed word's stem finds what it found, and more where its words
            // stand together ("consistant hashing").
            if (fix->found_nowhere || fix->same_stems || matches->total() <= kFewMatches) {
                auto corrected = search_text(fix->text, request.filters);
                if (corrected->total() > 0 && (fix->found_nowhere || fix->same_stems ||
                                               corrected->total() >= kManyTimesMore * matches->total())) {
                    matches = std::move(corrected);
                    result.corrected_query = correction;
                }
            }
        }
        if (correction && !result.corrected_query && matches->total() > 0) result.did_you_mean = correction;
        // No document has every word: rank those with some of them (relaxed). Fewer
        // documents than the page holds have every word: the page goes on with those
        // that have some of them (partial hits), after every full match.
        const std::string& shown = result.corrected_query.value_or(request.query);
        const std::string& text = correction.value_or(request.query);
        if (matches->total() == 0 && builder.can_relax(text)) {
            if (auto relaxed = search_some_words(builder, text, Xapian::Query(), request, request, language)) {
                matches = std::move(relaxed);
                result.relaxed = true;
                result.corrected_query = correction;
            }
        }
        result.wide_prefixes = builder.wide_prefixes();
        const std::size_t full = result.relaxed ? 0 : matches->total();
        std::unique_ptr<Matches> partial;
        if (full > 0 && full < request.offset + request.limit && builder.can_relax(shown)) {
            SearchRequest rest = request;
            rest.offset = std::max(request.offset, full) - full;
            rest.limit = request.offset + request.limit - std::max(request.offset, full);
            rest.facets.clear();
            partial = search_some_words(builder, shown, by_id(matches->query, full), rest, request, language);
        }
        fill(result, *matches, request, fields, result.relaxed);
        if (partial) add_hits(result, *partial, request, fields, full, true);
        return result;
    }

    // The `count` documents `query` matches (a few), as their id terms. Leaving a
    // query's matches out by the query itself (OP_AND_NOT) read uninitialised
    // memory in Xapian 1.4.22's matcher (valgrind) and sometimes left none out.
    Xapian::Query by_id(const Xapian::Query& query, std::size_t count) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet all = enquire.get_mset(0, static_cast<Xapian::doccount>(count));
        std::vector<Xapian::Query> ids;
        for (auto it = all.begin(); it != all.end(); ++it)
            ids.emplace_back(schema::id_term(schema::stored_record(it.get_document()).id));
        return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
    }

    // Documents with some of the words of `text`, `excluded` (when not empty) left
    // out: in the query's own language when its words tell it and that language has
    // any ("jest" is also Polish for "is"), else in any. Null when there are none.
    std::unique_ptr<Matches> search_some_words(query::QueryBuilder& builder, const std::string& text,
                                               const Xapian::Query& excluded, const SearchRequest& page,
                                               const SearchRequest& request, const std::string& language) {
        auto run_some = [&](const std::vector<Filter>& filters) {
            Xapian::Query q = builder.build(text, filters, Xapian::Query::OP_OR);
            if (!excluded.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, excluded);
            // Hits filling a page (`excluded` given) are not counted: only enough are ranked to fill it.
            auto matches = run(q, builder.nearness(text), language, page, excluded.empty());
            return matches->total() > 0 ? std::move(matches) : nullptr;
        };
        if (std::string own = query::preferred_language(request.query, ""); !own.empty()) {
            std::vector<Filter> filters = request.filters;
            filters.push_back({std::string(schema::field(schema::FieldId::Lang).name), own});
            if (auto matches = run_some(filters)) return matches;
        }
        return run_some(request.filters);
    }

    std::optional<SearchResult> related(const std::string& id, SearchRequest request) {
        check_facet_fields(request.facets);
        schema::HitFields fields(request.fields);
        std::string term = schema::id_term(id);
        Xapian::PostingIterator it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return std::nullopt;
        request.query = "related:" + id;
        Xapian::Query query = query::related_query(db, *it, term);
        if (!request.filters.empty())
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  query::QueryBuilder(db, synonyms).build("", request.filters));
        SearchResult result;
        result.query = request.query;
        fill(result, *run(query, Xapian::Query(), language_of(request), request), request, fields);
        return result;
    }

    // The total, facet counts and hits of `matches`; `partial`: its hits hold only some of the query's words.
    void fill(SearchResult& result, Matches& matches, const SearchRequest& request, const schema::HitFields& fields,
              bool partial = false) {
        result.total = matches.total();
        result.facets = matches.facets.counts(db, request.facet_limit);
        add_hits(result, matches, request, fields, 0, partial);
    }

    // Appends the hits of `matches`, ranked after the `ranked_before` matches of another run.
    void add_hits(SearchResult& result, Matches& matches, const SearchRequest& request,
                  const schema::HitFields& fields, std::size_t ranked_before, bool partial) {
        std::optional<Level> level = filtered_level(request.filters);
        for (Matches::TierPage& tier : matches.tiers) {
            if (tier.mset.empty()) continue;
            query::QueryTerms terms(matches.query, tier.mset, db.get_doccount());
            std::size_t rank = ranked_before + tier.ranked_before + tier.mset.get_firstitem();
            for (auto it = tier.mset.begin(); it != tier.mset.end(); ++it) {
                Hit hit;
                hit.rank = ++rank;
                hit.score = it.get_weight();
                hit.partial = partial;
                hit.record = schema::stored_record(it.get_document());
                if (fields.has("excerpt"))
                    hit.excerpt = query::make_excerpt(hit.record, terms, level, request.excerpt_chars);
                if (request.explain) {
                    hit.explanation = query::explain_hit(db, tier.enquire, matches.query, matches.near, it,
                                                           hit.record, weighting);
                    std::stable_sort(hit.explanation.begin(), hit.explanation.end(),
                                     [](const TermScore& a, const TermScore& b) { return a.score > b.score; });
                }
                fields.trim(hit.record);
                result.hits.push_back(std::move(hit));
            }
        }
    }

    std::optional<Record> find(const std::string& id) {
        std::string term = schema::id_term(id);
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return std::nullopt;
        return schema::stored_record(db.get_document(*it));
    }

    IndexStats stats() {
        Xapian::Enquire enquire(db);
        enquire.set_query(query::match_all());
        FacetSpies facets(stub, all_facet_fields());
        facets.attach(enquire);
        enquire.get_mset(0, 0, db.get_doccount());
        return {db.get_doccount(), facets.counts(db)};
    }
};

Searcher::Searcher(const std::string& db_path, SearcherOptions options)
    : impl_(std::make_unique<Impl>(db_path, options)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
    SearchResult result =
        impl_->with_snapshot("search \"" + request.query + "\"", [&] { return impl_->search(request); });
    result.missing_shards = impl_->missing_shards;
    return result;
}

std::optional<SearchResult> Searcher::related(const std::string& id, const SearchRequest& request) {
    auto result = impl_->with_snapshot("related " + id, [&] { return impl_->related(id, request); });
    if (result) result->missing_shards = impl_->missing_shards;
    return result;
}

std::optional<Record> Searcher::find(const std::string& id) {
    return impl_->with_snapshot("show " + id, [&] { return impl_->find(id); });
}

IndexStats Searcher::stats() {
    IndexStats stats = impl_->with_snapshot("stats", [&] { return impl_->stats(); });
    stats.missing_shards = impl_->missing_shards;
    return stats;
}

bool Searcher::reopen() {
    try {
        return impl_->refresh();
    } catch (const Xapian::Error& e) {
        errors::throw_index_error(e, impl_->path);
    }
}

}  // namespace qbank
