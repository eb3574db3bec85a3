#include "qbank/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <limits>

#include "qbank/error.h"
#include "query/excerpt.h"
#include "query/facets.h"
#include "query/query_builder.h"
#include "schema/fields.h"
#include "schema/index_version.h"
#include "schema/record_json.h"

namespace qbank {

namespace {

Xapian::Database open_for_reading(const std::string& path) {
    if (!std::filesystem::exists(path))
        throw Error(Error::Kind::IndexUnavailable, "no index at " + path);
    try {
        Xapian::Database db(path);
        schema::check_schema_version(db, path);
        return db;
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot open index " + path + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw Error(Error::Kind::IndexUnavailable, "cannot open index " + path + ": " + e.get_description());
    }
}

// One spy per facet field, in schema order.
struct FacetSpies {
    std::vector<std::pair<std::string, std::unique_ptr<query::PackedValueCountSpy>>> spies;

    explicit FacetSpies(Xapian::Enquire& enquire) {
        for (const schema::Field& f : schema::kFields) {
            if (!f.facet) continue;
            spies.emplace_back(std::string(f.name), std::make_unique<query::PackedValueCountSpy>(*f.facet));
            enquire.add_matchspy(spies.back().second.get());
        }
    }

    std::map<std::string, FacetCounts> counts() const {
        std::map<std::string, FacetCounts> out;
        for (const auto& [name, spy] : spies) out[name] = spy->counts();
        return out;
    }
};

}  // namespace

struct Searcher::Impl {
    explicit Impl(const std::string& p) : path(p), db(open_for_reading(p)) {}

    std::string path;
    Xapian::Database db;

    // Runs `work`, reopening the snapshot once if a writer recycled the blocks it was reading.
    template <typename Work>
    auto with_snapshot(const std::string& what, Work work) {
        for (int attempt = 0;; ++attempt) {
            try {
                return work();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt > 0) throw Error(Error::Kind::IndexUnavailable, "index " + path + " keeps changing under " + what);
                db.reopen();
            } catch (const Xapian::Error& e) {
                throw Error(Error::Kind::IndexUnavailable, what + " failed on index " + path + ": " + e.get_description());
            }
        }
    }

    SearchResult search(const SearchRequest& request) {
        query::QueryBuilder builder(db);
        Xapian::Query q = builder.build(request.query, request.filters);
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        FacetSpies facets(enquire);
        // Xapian counts documents in 32 bits; a larger offset is past every hit anyway.
        constexpr std::size_t kMaxCount = std::numeric_limits<Xapian::doccount>::max();
        std::size_t first = std::min(request.offset, kMaxCount);
        std::size_t limit = std::min(request.limit, kMaxCount - first);
        // Check every document so that facet counts and the total are exact, not estimates.
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                             static_cast<Xapian::doccount>(limit), db.get_doccount());
        SearchResult result;
        result.query = request.query;
        result.total = mset.get_matches_estimated();
        result.facets = facets.counts();
        std::size_t rank = first;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit;
            hit.rank = ++rank;
            hit.score = it.get_weight();
            hit.record = schema::record_from_json(it.get_document().get_data());
            hit.excerpt = query::make_excerpt(mset, hit.record, request.excerpt_chars);
            result.hits.push_back(std::move(hit));
        }
        return result;
    }

    std::optional<Record> find(const std::string& id) {
        std::string term = schema::id_term(id);
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return std::nullopt;
        return schema::record_from_json(db.get_document(*it).get_data());
    }

    IndexStats stats() {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query::MatchAll);
        FacetSpies facets(enquire);
        enquire.get_mset(0, 0, db.get_doccount());
        return {db.get_doccount(), facets.counts()};
    }
};

Searcher::Searcher(const std::string& db_path) : impl_(std::make_unique<Impl>(db_path)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
    return impl_->with_snapshot("search \"" + request.query + "\"", [&] { return impl_->search(request); });
}

std::optional<Record> Searcher::find(const std::string& id) {
    return impl_->with_snapshot("show " + id, [&] { return impl_->find(id); });
}

IndexStats Searcher::stats() {
    return impl_->with_snapshot("stats", [&] { return impl_->stats(); });
}

}  // namespace qbank
