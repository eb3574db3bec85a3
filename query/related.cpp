#include "query/related.h"

#include "query/stopwords.h"
#include "schema/fields.h"

namespace qbank::query {

namespace {

// Stemmed plain words only: one term per word, no field copies, no filters, no
// stopwords or numbers; and words some other document holds, since a word of this
// document alone weighs most in the expand set and finds nothing else.
class SharedStemDecider : public Xapian::ExpandDecider {
public:
    explicit SharedStemDecider(const Xapian::Database& db) : db_(db) {}

    bool operator()(const std::string& term) const override {
        auto parts = schema::split_term(term);
        if (!parts || parts->field != nullptr || !parts->stemmed || parts->word.size() < 2) return false;
        if (parts->word.find_first_not_of("0123456789.,") == std::string::npos) return false;
        return !is_stopword(parts->word, "en") && db_.get_termfreq(term) >= 2;
    }

private:
    const Xapian::Database& db_;
};

}  // namespace

Xapian::Query related_query(const Xapian::Database& db, Xapian::docid docid, const std::string& id_term,
                            unsigned max_terms) {
    Xapian::RSet rset;
    rset.add_document(docid);
    Xapian::Enquire enquire(db);
    SharedStemDecider decider(db);
    Xapian::ESet eset = enquire.get_eset(max_terms, rset, &decider);
    if (eset.empty()) return Xapian::Query::MatchNothing;
    Xapian::Query words(Xapian::Query::OP_OR, eset.begin(), eset.end());
    return Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(id_term));
}

}  // namespace qbank::query
