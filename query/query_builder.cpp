#include "query/query_builder.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "qbank/error.h"
#include "query/language_preference.h"
#include "query/match_all.h"
#include "query/spelling_variants.h"
#include "query/stopwords.h"
#include "schema/field_terms.h"
#include "schema/fields.h"
#include "schema/ranking.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/tokenizer.h"
#include "text/utf8_check.h"
#include "text/word_segment.h"

namespace qbank::query {

using schema::FieldKind;
using Kind = QueryNode::Kind;
using Occur = QueryNode::Occur;

namespace {

std::string filter_field_names() {
    std::string names;
    for (const schema::Field& f : schema::kFields)
        if (f.kind == FieldKind::Filter) names += (names.empty() ? "" : ", ") + std::string(f.name);
    return names;
}

std::string impossible_value_message(const schema::Field& field, const std::string& value) {
    if (field.id == schema::FieldId::Level)
        return "unknown level '" + value + "': use Junior, Mid, Senior or Staff+";
    return "empty " + std::string(field.name) + " value";
}

const schema::Field* field_of(const QueryNode& node) {
    return node.field.empty() ? nullptr : schema::find_field(node.field);
}

bool is_filter(const QueryNode& node) {
    const schema::Field* f = field_of(node);
    return node.is_term() && f != nullptr && f->kind == FieldKind::Filter;
}

bool is_wildcard(const QueryNode& node) { return node.kind == Kind::Word && node.text.ends_with('*'); }

// A word searched in every field, as typed or required: what stopwords, synonyms
// and spelling apply to.
bool is_plain_word(const QueryNode& node) {
    return node.kind == Kind::Word && node.field.empty() && node.occur != Occur::MustNot && !is_wildcard(node);
}

// Words folded; a chunk of several words of a script written without spaces
// ("负载均衡" -> "负载", "均衡") becomes several words in a sequence. Filter
// values stay as typed: filter_term folds them.
void fold(QueryNode& node) {
    for (QueryNode& child : node.children) fold(child);
    if (node.kind == Kind::Sequence) {
        std::vector<QueryNode> children;
        for (QueryNode& child : node.children) {
            if (child.kind != Kind::Word || is_filter(child)) {
                children.push_back(std::move(child));
                continue;
            }
            for (std::string& word : text::typed_words(child.text)) {
                QueryNode part = child;
                part.text = std::move(word);
                children.push_back(std::move(part));
            }
        }
        node.children = std::move(children);
    }
    if (node.is_term() && !is_filter(node)) node.text = text::fold(node.text);
}

// The word a query word stands for, without the punctuation typed after it ("k8s?").
std::string bare(const std::string& word) {
    std::size_t end = word.find_last_not_of(")?,.!;:");
    return end == std::string::npos ? std::string() : word.substr(0, end + 1);
}

bool ends_clause(const std::string& word) { return bare(word).size() != word.size(); }

// Stopwords say nothing about what is asked ("how do you handle the conflict"),
// unless they are all there is. Phrases keep theirs.
void drop_stopwords(QueryNode& node, std::string_view language) {
    for (QueryNode& child : node.children) drop_stopwords(child, language);
    if (node.kind != Kind::Sequence) return;
    auto stopword = [&](const QueryNode& n) { return is_plain_word(n) && is_stopword(bare(n.text), language); };
    bool content = std::any_of(node.children.begin(), node.children.end(),
                               [&](const QueryNode& n) { return !stopword(n) && !is_filter(n) && n.occur != Occur::MustNot; });
    if (content) std::erase_if(node.children, stopword);
}

// Words of a set phrase ("in front of", "turned out") are marked as filler
// before stopwords go, since stopwords are part of most of them.
void mark_set_phrases(QueryNode& node) {
    for (QueryNode& child : node.children) mark_set_phrases(child);
    if (node.kind != Kind::Sequence) return;
    std::vector<QueryNode>& kids = node.children;
    for (std::size_t i = 0; i < kids.size();) {
        // A run of plain words, up to an operator, a field, a phrase or punctuation.
        std::vector<std::string> words;
        std::size_t end = i;
        while (end < kids.size() && is_plain_word(kids[end]) && kids[end].occur == kids[i].occur) {
            words.push_back(bare(kids[end].text));
            if (ends_clause(kids[end++].text)) break;
        }
        for (std::size_t k = 0; k < words.size();) {
            const std::size_t n = set_phrase_length(words, k);
            for (std::size_t j = k; j < k + n; ++j) kids[i + j].set_phrase = true;
            k += std::max<std::size_t>(n, 1);
        }
        i = std::max(end, i + 1);
    }
}

// Words that spell a member of a synonym group become one Synonyms node of every
// member; the longest member wins, and a member never spans an operator, a
// field, a phrase or punctuation.
void apply_synonyms(QueryNode& node, const Synonyms& synonyms) {
    for (QueryNode& child : node.children) apply_synonyms(child, synonyms);
    if (node.kind != Kind::Sequence || synonyms.empty()) return;
    std::vector<QueryNode> out;
    std::vector<QueryNode>& kids = node.children;
    for (std::size_t i = 0; i < kids.size();) {
        std::size_t best = 0;
        std::vector<Synonyms::Words> alternatives;
        Synonyms::Words words;
        for (std::size_t j = i; j < kids.size() && j - i < synonyms.longest(); ++j) {
            if (!is_plain_word(kids[j]) || (j > i && kids[j].occur != kids[i].occur)) break;
            words.push_back(bare(kids[j].text));
            if (auto found = synonyms.alternatives(words); !found.empty()) {
                best = j - i + 1;
                alternatives = std::move(found);
            }
            if (ends_clause(kids[j].text)) break;
        }
        if (best == 0) {
            out.push_back(std::move(kids[i++]));
            continue;
        }
        QueryNode group;
        group.kind = Kind::Synonyms;
        group.occur = kids[i].occur;
        group.begin = kids[i].begin;
        group.end = kids[i + best - 1].end;
        for (std::size_t j = i; j < i + best; ++j) group.text += (j == i ? "" : " ") + bare(kids[j].text);
        for (Synonyms::Words& member : alternatives) {
            QueryNode form;
            form.kind = member.size() == 1 ? Kind::Word : Kind::Phrase;
            for (const std::string& w : member) form.text += (form.text.empty() ? "" : " ") + w;
            group.children.push_back(std::move(form));
        }
        out.push_back(std::move(group));
        i += best;
    }
    kids = std::move(out);
}

// Documents holding at least `m` of `parts`, ranked by the parts they hold: the
// filter (all m-subsets AND-ed, OR-ed) decides the match and adds no weight.
Xapian::Query at_least(std::size_t m, const std::vector<Xapian::Query>& parts) {
    if (m <= 1) return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    std::vector<Xapian::Query> subsets;
    std::vector<bool> chosen(parts.size(), false);
    std::fill(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(m), true);
    do {
        std::vector<Xapian::Query> subset;
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (chosen[i]) subset.push_back(parts[i]);
        subsets.emplace_back(Xapian::Query::OP_AND, subset.begin(), subset.end());
    } while (std::prev_permutation(chosen.begin(), chosen.end()));
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                         Xapian::Query(Xapian::Query::OP_OR, subsets.begin(), subsets.end()));
}

// A query of this many words or more is a whole question: its common words
// only add score, and half its other words may be missing from a match.
constexpr std::size_t kQuestionWords = 4;
// at_least() ORs every subset of the words a match needs: C(10, 5) = 252 is
// about the most one query can afford; longer questions may miss fewer words.
constexpr double kMaxSubsets = 256;

// How many ways there are to choose `k` of `n`.
double choose(std::size_t n, std::size_t k) {
    double ways = 1;
    for (std::size_t i = 1; i <= k; ++i) ways = ways * static_cast<double>(n - k + i) / static_cast<double>(i);
    return ways;
}
// A word more than this share of the documents hold says little about what is
// asked ("how are candidates evaluated in coding interviews"), if they are more
// than a handful: in a small index every word is in a large share.
constexpr double kCommonWordShare = 0.10;
constexpr Xapian::doccount kMinCommonDocs = 20;
// Two query words side by side earn the nearness bonus where a document holds
// them this close (a window of 3: next to each other, or one word between).
constexpr Xapian::termcount kNearWindow = 3;

Xapian::Query joined(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\n\r") == std::string::npos; }

void check_utf8(const std::string& text) {
    if (std::size_t bad = text::first_invalid_utf8(text); bad != std::string::npos)
        throw BadInputError("query is not valid UTF-8 (byte " + std::to_string(bad) + ")");
}

template <typename Visit>
void for_each_term(const QueryNode& node, Visit visit) {
    if (node.is_term()) visit(node);
    for (const QueryNode& child : node.children) for_each_term(child, visit);
}

bool relaxable(const QueryNode& node) {
    if (node.kind == Kind::Sequence) {
        auto joins = std::count_if(node.children.begin(), node.children.end(), [](const QueryNode& n) {
            return n.occur == Occur::Should && !is_filter(n);
        });
        if (joins >= 2) return true;
    }
    // A concept typed in several words ("total compensation") relaxes to its words apart.
    if (node.kind == Kind::Synonyms && node.text.find(' ') != std::string::npos) return true;
    return std::any_of(node.children.begin(), node.children.end(), relaxable);
}

// Bounds on one query: what a person types or pastes fits well within them.
constexpr std::size_t kMaxQueryBytes = 8192;
constexpr std::size_t kMaxQueryTerms = 256;
constexpr Xapian::termcount kMaxWildcardTerms = 256;  // the commonest terms a wildcard stands for
constexpr std::size_t kMaxSpellingCandidates = 8;     // the commonest words a typo may stand for

void check_bounds(const std::string& text, const QueryNode& root) {
    if (text.size() > kMaxQueryBytes)
        throw BadInputError("query of " + std::to_string(text.size()) + " bytes is longer than the limit of " +
                            std::to_string(kMaxQueryBytes) + ": shorten it to the words that matter");
    std::size_t terms = 0;
    for_each_term(root, [&](const QueryNode&) { ++terms; });
    if (terms > kMaxQueryTerms)
        throw BadInputError("query of " + std::to_string(terms) + " words is longer than the limit of " +
                            std::to_string(kMaxQueryTerms) + ": shorten it to the words that matter");
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Synonyms& synonyms, std::string language,
                           std::optional<std::vector<std::string>> index_languages, const Xapian::Database* spelling)
    : db_(db), spelling_(spelling != nullptr ? spelling : &db_), synonyms_(synonyms), language_(std::move(language)),
      index_languages_(std::move(index_languages)) {}

QueryNode rewrite_query(const std::string& text, const Synonyms& synonyms, std::string_view language, bool* operators) {
    ParsedQuery parsed = parse_query_syntax(text);
    if (operators != nullptr) *operators = parsed.operators;
    fold(parsed.root);
    mark_set_phrases(parsed.root);
    drop_stopwords(parsed.root, language);
    apply_synonyms(parsed.root, synonyms);
    return std::move(parsed.root);
}

Xapian::Query QueryBuilder::term(const QueryNode& node, bool positional) const {
    const schema::Field* field = field_of(node);
    if (field != nullptr && field->kind == FieldKind::Filter) {
        auto term = schema::filter_term(field->id, node.text);
        if (!term) throw BadInputError("cannot parse query \"" + text_ + "\": " + impossible_value_message(*field, node.text));
        return Xapian::Query(*term);
    }
    const std::string prefix = field != nullptr ? std::string(field->prefix) : std::string();
    const bool quoted = node.kind == Kind::Phrase || positional;
    std::string_view typed = node.text;
    const bool wildcard = !quoted && is_wildcard(node);
    while (wildcard && typed.ends_with('*')) typed.remove_suffix(1);
    // The words as the index holds them; query positions order the terms (explain
    // lists them in that order). Punctuation alone ("-", "*") looks for nothing.
    std::vector<text::Token> words = text::tokenize(typed);
    std::optional<Xapian::Query> prefix_match;
    if (wildcard && !words.empty() && words.back().end == typed.size()) {
        // "clo*": the commonest terms that start so ("a*" would otherwise OR half the index).
        // A field that keeps stems only is matched by its stems that start so.
        const std::string& begun_word = words.back().term;
        const bool by_stem = field != nullptr && !schema::prefixed_positions(*field) &&
                             !text::stem_of(begun_word, language_).empty();
        const std::string start = (by_stem ? "Z" : "") + prefix + begun_word;
        // Expanded here over the whole collection rather than by Xapian's
        // OP_WILDCARD, which a database of several shards expands shard by shard.
        std::vector<std::pair<Xapian::doccount, std::string>> begun;  // (-frequency, term): commonest first
        for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it)
            begun.emplace_back(std::numeric_limits<Xapian::doccount>::max() - it.get_termfreq(), *it);
        if (begun.size() > kMaxWildcardTerms) {
            wide_prefixes_.push_back(node.text);
            std::nth_element(begun.begin(), begun.begin() + kMaxWildcardTerms, begun.end());
            begun.resize(kMaxWildcardTerms);
            std::sort(begun.begin(), begun.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        }
        std::vector<Xapian::Query> terms;
        for (const auto& [_, term] : begun) terms.emplace_back(term);
        prefix_match = terms.empty() ? Xapian::Query::MatchNothing : joined(Xapian::Query::OP_SYNONYM, terms);
        words.pop_back();
    }
    std::vector<Xapian::Query> parts;
    if (words.size() == 1 && !quoted) {
        // A word alone matches its other forms through its stem, when it has one.
        const std::string& word = words[0].term;
        std::string stem = text::stem_of(word, language_);
        Xapian::termpos position = next_position_++;
        if (stem.empty()) {
            parts.emplace_back(prefix + word, 1, position);
        } else {
            // Pages in another language hold the word under their own rules (and a
            // query's language is a guess): its stem by each language of the index,
            // or the word itself where a language has no stemmer.
            std::vector<std::string> others{word};
            for (const std::string& language : index_languages()) {
                others.push_back(text::stem_of(word, language));
                if (std::string base = text::adverb_base(word, language); !base.empty())
                    others.push_back(text::stem_of(base, language));
            }
            std::sort(others.begin(), others.end());
            others.erase(std::unique(others.begin(), others.end()), others.end());
            std::vector<std::string> forms{"Z" + prefix + stem};
            for (const std::string& other : others)
                if (std::string form = "Z" + prefix + other; other != stem && db_.term_exists(form))
                    forms.push_back(std::move(form));
            std::vector<Xapian::Query> terms;
            for (const std::string& form : forms) terms.emplace_back(form, 1, position);
            parts.push_back(joined(Xapian::Query::OP_SYNONYM, terms));
        }
    } else {
        // A phrase, or one chunk of several words ("e-mail", "node.js"): side by side,
        // in order. Where the field's own terms hold no positions, the phrase is
        // found by the unprefixed terms, in documents whose field holds every word.
        const bool by_plain = field != nullptr && !schema::prefixed_positions(*field);
        std::vector<Xapian::Query> in_field;
        for (const text::Token& word : words) {
            Xapian::termpos position = next_position_++;
            parts.emplace_back(by_plain ? word.term : prefix + word.term, 1, position);
            if (by_plain) in_field.emplace_back(schema::field_word_term(*field, word.term, language_), 1, position);
        }
        if (parts.size() > 1) parts = {Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                                                     static_cast<Xapian::termcount>(parts.size()))};
        if (by_plain && !parts.empty())
            parts = {Xapian::Query(Xapian::Query::OP_FILTER, parts.front(), joined(Xapian::Query::OP_AND, in_field))};
    }
    if (prefix_match) parts.push_back(*prefix_match);
    return joined(Xapian::Query::OP_AND, parts);
}

void QueryBuilder::start(const std::string& text) {
    next_position_ = 1;
    if (text == text_) return;  // a search builds, relaxes, corrects and pairs the same text
    text_ = text;
    typed_language_ = preferred_language(text, "");
}

double QueryBuilder::common_frequency() const {
    return std::max(kCommonWordShare * db_.get_doccount(), static_cast<double>(kMinCommonDocs));
}

const std::vector<std::string>& QueryBuilder::index_languages() const {
    if (!index_languages_) index_languages_ = languages_of(db_);
    return *index_languages_;
}

Xapian::doccount QueryBuilder::stem_frequency(const std::string& word) const {
    std::string stem = text::stem_of(word, language_);
    return db_.get_termfreq(stem.empty() ? word : "Z" + stem);
}

Xapian::doccount QueryBuilder::frequency(const Xapian::Query& part) const {
    Xapian::doccount rarest = std::numeric_limits<Xapian::doccount>::max();
    Xapian::doccount commonest = 0;
    for (auto it = part.get_unique_terms_begin(); it != part.get_unique_terms_end(); ++it) {
        Xapian::doccount n = db_.get_termfreq(*it);
        rarest = std::min(rarest, n);
        commonest = std::max(commonest, n);
    }
    return part.get_type() == Xapian::Query::OP_SYNONYM ? commonest : rarest;
}

bool QueryBuilder::is_filler(const QueryNode& node) const {
    return is_plain_word(node) && (node.set_phrase || is_filler_word(bare(node.text), typed_language_));
}

// Words a match need not hold: filler ("would", "instead") always, adding
// little score, and, in a whole question, the words most documents hold; the
// others are needed (all of them when nothing else is left). Of a whole
// question's needed words, half may be missing: the best answer rarely repeats
// every word of a question ("url shortener like bitly" for a page on "Bit.ly").
// Relaxed, a match needs one of them: filler alone ("difference") finds nothing.
Xapian::Query QueryBuilder::required_words(const std::vector<Xapian::Query>& parts, const std::vector<bool>& filler,
                                           bool relaxed) const {
    const bool question = parts.size() >= kQuestionWords;
    const double common = common_frequency();
    std::vector<Xapian::Query> needed, extra, chat;
    // When every word that is not filler is common, the common ones are needed.
    // Relaxed, any word that is not filler will do: the rare ones found nothing.
    for (bool by_frequency : {question && !relaxed, false}) {
        needed.clear();
        extra.clear();
        chat.clear();
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (filler[i]) chat.push_back(parts[i]);
            else (by_frequency && frequency(parts[i]) > common ? extra : needed).push_back(parts[i]);
        }
        if (!needed.empty()) break;
    }
    if (needed.empty()) std::swap(needed, chat);  // nothing but filler: all of it
    if (!chat.empty())
        extra.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, joined(Xapian::Query::OP_OR, chat), schema::kFillerWeight);
    std::size_t missing = question ? std::min(needed.size() / 2, needed.size() - 1) : 0;
    while (missing > 0 && choose(needed.size(), missing) > kMaxSubsets) --missing;
    Xapian::Query base = relaxed        ? joined(Xapian::Query::OP_OR, needed)
                         : missing == 0 ? joined(Xapian::Query::OP_AND, needed)
                                        : at_least(needed.size() - missing, needed);
    if (extra.empty()) return base;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, base, joined(Xapian::Query::OP_OR, extra));
}

Xapian::Query QueryBuilder::sequence(const QueryNode& node, Xapian::Query::op default_op, bool soften) const {
    std::vector<Xapian::Query> must, should, must_not;
    std::vector<bool> filler;  // of each `should`
    std::map<std::string, std::vector<Xapian::Query>> filters;  // by prefix: values of one field OR together
    for (const QueryNode& child : node.children) {
        if (is_filter(child)) {
            if (child.occur == Occur::MustNot) must_not.push_back(term(child));
            else filters[std::string(field_of(child)->prefix)].push_back(term(child));
            continue;
        }
        Xapian::Query q = to_xapian(child, default_op, false);
        if (q.empty()) continue;
        (child.occur == Occur::Must ? must : child.occur == Occur::MustNot ? must_not : should).push_back(q);
        if (child.occur == Occur::Should)
            filler.push_back(is_filler(child));
    }
    Xapian::Query base;
    if (soften && must.empty() && should.size() >= 2) {
        base = required_words(should, filler, default_op == Xapian::Query::OP_OR);
    } else if (default_op == Xapian::Query::OP_AND) {
        base = joined(Xapian::Query::OP_AND, [&] {
            std::vector<Xapian::Query> all = must;
            all.insert(all.end(), should.begin(), should.end());
            return all;
        }());
    } else if (must.empty()) {
        base = joined(Xapian::Query::OP_OR, should);
    } else {
        base = joined(Xapian::Query::OP_AND, must);
        if (!should.empty()) base = Xapian::Query(Xapian::Query::OP_AND_MAYBE, base, joined(Xapian::Query::OP_OR, should));
    }
    std::vector<Xapian::Query> fields;
    for (const auto& [prefix, values] : filters)
        if (!values.empty()) fields.push_back(joined(Xapian::Query::OP_OR, values));
    Xapian::Query filter = joined(Xapian::Query::OP_AND, fields);
    if (!filter.empty())
        base = base.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0)
                            : Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
    if (!must_not.empty())
        base = Xapian::Query(Xapian::Query::OP_AND_NOT, base.empty() ? match_all() : base,
                             joined(Xapian::Query::OP_OR, must_not));
    return base;
}

Xapian::Query QueryBuilder::to_xapian(const QueryNode& node, Xapian::Query::op default_op, bool soften) const {
    auto children = [&] {
        std::vector<Xapian::Query> out;
        for (const QueryNode& child : node.children)
            if (Xapian::Query q = to_xapian(child, default_op, false); !q.empty()) out.push_back(q);
        return out;
    };
    switch (node.kind) {
        case Kind::Word:
        case Kind::Phrase: return term(node);
        case Kind::Sequence: return sequence(node, default_op, soften);
        case Kind::All: return joined(Xapian::Query::OP_AND, children());
        case Kind::Any: return joined(Xapian::Query::OP_OR, children());
        case Kind::OneOf: return joined(Xapian::Query::OP_XOR, children());
        // One concept, scored once whichever form a page uses: an expansion's many
        // words never outweigh the others typed.
        case Kind::Synonyms: {
            Xapian::Query group = joined(Xapian::Query::OP_SYNONYM, children());
            if (default_op != Xapian::Query::OP_OR || node.text.find(' ') == std::string::npos) return group;
            // Relaxed, the words typed for it count apart too.
            std::vector<Xapian::Query> words{group};
            for (std::string_view rest = node.text; !rest.empty();) {
                const std::size_t space = rest.find(' ');
                QueryNode word{.kind = Kind::Word, .text = std::string(rest.substr(0, space))};
                if (Xapian::Query q = term(word); !q.empty()) words.push_back(q);
                rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
            }
            return joined(Xapian::Query::OP_OR, words);
        }
        case Kind::Everything: return match_all();
        case Kind::AllBut: {
            Xapian::Query left = to_xapian(node.children[0], default_op, false);
            Xapian::Query right = to_xapian(node.children[1], default_op, false);
            if (right.empty()) return left;
            return Xapian::Query(Xapian::Query::OP_AND_NOT, left.empty() ? match_all() : left, right);
        }
        case Kind::Near: {
            std::vector<Xapian::Query> words, in_field;
            bool single_terms = true;
            for (const QueryNode& child : node.children) {
                // A word of a field whose own terms hold no positions is placed by its
                // unprefixed term, in documents whose field holds it.
                const schema::Field* f = field_of(child);
                QueryNode placed = child;
                if (f != nullptr && f->kind == FieldKind::FreeText && !schema::prefixed_positions(*f)) {
                    if (Xapian::Query q = term(child, true); !q.empty()) in_field.push_back(q);
                    placed.field.clear();
                }
                if (Xapian::Query q = term(placed, true); !q.empty()) {
                    single_terms = single_terms && q.get_type() == Xapian::Query::LEAF_TERM;
                    words.push_back(q);
                }
            }
            // Xapian places single terms only: "a NEAR front-end" (a phrase) looks for both words.
            Xapian::Query near =
                words.size() < 2 || !single_terms
                    ? joined(Xapian::Query::OP_AND, words)
                    : Xapian::Query(node.ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, words.begin(),
                                    words.end(),
                                    std::max<Xapian::termcount>(node.window,
                                                                static_cast<Xapian::termcount>(words.size())));
            if (in_field.empty() || near.empty()) return near;
            return Xapian::Query(Xapian::Query::OP_FILTER, near, joined(Xapian::Query::OP_AND, in_field));
        }
    }
    return Xapian::Query();
}

Xapian::Query QueryBuilder::build(const std::string& text, const std::vector<Filter>& filters,
                                  Xapian::Query::op default_op) {
    check_utf8(text);
    start(text);
    wide_prefixes_.clear();
    Xapian::Query query = match_all();
    if (!is_blank(text)) {
        bool operators = false;
        if (text.size() > kMaxQueryBytes) check_bounds(text, QueryNode());
        QueryNode root = rewrite_query(text, synonyms_, typed_language_, &operators);
        check_bounds(text, root);
        query = to_xapian(root, default_op, !operators);
    }
    // As in the query text: the values of one field OR together, the fields AND.
    std::map<std::string_view, std::vector<Xapian::Query>> by_field;
    for (const Filter& filter : filters) {
        const schema::Field* field = schema::find_field(filter.field);
        if (field == nullptr || field->kind != FieldKind::Filter)
            throw BadInputError("cannot filter on '" + filter.field + "': filter fields are " + filter_field_names());
        auto term = schema::filter_term(field->id, filter.value);
        if (!term) throw BadInputError(impossible_value_message(*field, filter.value));
        by_field[field->prefix].emplace_back(*term);
    }
    for (const auto& [_, values] : by_field)
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, joined(Xapian::Query::OP_OR, values));
    return query;
}

Xapian::Query QueryBuilder::nearness(const std::string& text) {
    check_utf8(text);
    if (is_blank(text) || text.size() > kMaxQueryBytes) return Xapian::Query();
    start(text);
    const QueryNode root = rewrite_query(text, synonyms_, typed_language_);
    const double common = common_frequency();
    const bool question = std::count_if(root.children.begin(), root.children.end(), [](const QueryNode& n) {
                              return n.occur == Occur::Should && !is_filter(n);
                          }) >= static_cast<std::ptrdiff_t>(kQuestionWords);
    // Words common in the index stand near each other in any long text; in a
    // whole question, three words in a row with a common one among them count
    // only as a phrase of a title ("system design interview").
    const std::string title(schema::field(schema::FieldId::Title).prefix);
    struct Word {
        Xapian::Query query;
        Xapian::Query in_title;  // the same word, at the same query position, in titles
        bool common;
    };
    std::vector<Xapian::Query> pairs;
    std::vector<Word> run;  // the words in a row so far
    for (const QueryNode& child : root.children) {
        std::optional<Word> word;
        if (is_plain_word(child) && !is_filler(child)) {
            const Xapian::termpos position = next_position_;
            Xapian::Query q = term(child, true);
            if (q.get_type() == Xapian::Query::LEAF_TERM) {  // a single term
                const std::string& t = *q.get_terms_begin();
                word = Word{q, Xapian::Query(title + t, 1, position), question && stem_frequency(t) > common};
            }
        }
        if (!word) {
            run.clear();
            continue;
        }
        run.push_back(*word);
        std::size_t n = run.size();
        if (n >= 2 && !run[n - 2].common && !run[n - 1].common) {
            const Xapian::Query pair[] = {run[n - 2].query, run[n - 1].query};
            pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), kNearWindow);
        }
        if (n >= 3 && (run[n - 3].common || run[n - 2].common || run[n - 1].common)) {
            const Xapian::Query three[] = {run[n - 3].in_title, run[n - 2].in_title, run[n - 1].in_title};
            pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(three), std::end(three), 3);
        }
    }
    if (pairs.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, joined(Xapian::Query::OP_OR, pairs), schema::kNearnessWeight);
}

std::vector<Xapian::Query> nearness_pairs(const Xapian::Query& near) {
    if (near.empty()) return {};
    const Xapian::Query inner = near.get_subquery(0);
    if (inner.get_type() != Xapian::Query::OP_OR) return {near};
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i < inner.get_num_subqueries(); ++i)
        pairs.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, inner.get_subquery(i), schema::kNearnessWeight);
    return pairs;
}

Xapian::Query with_nearness(const Xapian::Query& query, const Xapian::Query& near) {
    Xapian::Query ranked = query;
    for (const Xapian::Query& pair : nearness_pairs(near))
        ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked, pair);
    return ranked;
}

bool QueryBuilder::can_relax(const std::string& text) {
    check_utf8(text);
    if (is_blank(text)) return false;
    start(text);
    return relaxable(rewrite_query(text, synonyms_, typed_language_));
}

std::optional<QueryBuilder::Correction> QueryBuilder::correct_spelling(const std::string& text) {
    check_utf8(text);
    if (is_blank(text)) return std::nullopt;
    start(text);
    struct Fix {
        std::size_t begin, end;               // where the misspelt word stands in `text`
        std::string word;                     // folded
        std::vector<std::string> candidates;  // its nearest index words, the likeliest first
    };
    std::vector<Fix> fixes;
    bool found_nowhere = false;
    for_each_term(parse_query_syntax(text).root, [&](const QueryNode& node) {
        if (!node.field.empty() || is_wildcard(node)) return;
        // The node's words, where they stand in the query ("+word" and "-word" start at the sign).
        for (const text::Token& word : text::tokenize(std::string_view(text).substr(node.begin, node.end - node.begin)))
            if (std::vector<std::string> candidates = spelling_candidates(word.term); !candidates.empty()) {
                fixes.push_back({node.begin + word.begin, node.begin + word.end, word.term, std::move(candidates)});
                found_nowhere = found_nowhere || frequency(term(QueryNode{.kind = Kind::Word, .text = word.term})) == 0;
            }
    });
    if (fixes.empty()) return std::nullopt;
    std::vector<std::size_t> chosen(fixes.size(), 0);  // which candidate replaces each word
    auto corrected = [&] {
        std::string out = text;
        for (std::size_t i = fixes.size(); i-- > 0;)  // last first, so that offsets hold
            out.replace(fixes[i].begin, fixes[i].end - fixes[i].begin, fixes[i].candidates[chosen[i]]);
        return out;
    };
    // A word one edit from several index words is the one that stands beside the
    // words typed next to it on the most pages: "siging bonus" is "signing bonus",
    // though "sizing" is the commoner word. With no such page, the commonest.
    const std::vector<text::Token> typed = text::tokenize(text);
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        if (fixes[i].candidates.size() < 2) continue;
        auto at = std::find_if(typed.begin(), typed.end(), [&](const auto& t) { return t.begin == fixes[i].begin; });
        if (at == typed.end()) continue;
        Xapian::doccount most = 0;
        for (std::size_t c = 0; c < fixes[i].candidates.size(); ++c) {
            const std::string& candidate = fixes[i].candidates[c];
            Xapian::doccount beside = 0;
            if (at != typed.begin()) beside += count_matches(phrase(std::prev(at)->term + " " + candidate));
            if (std::next(at) != typed.end()) beside += count_matches(phrase(candidate + " " + std::next(at)->term));
            if (beside > most) {
                most = beside;
                chosen[i] = c;
            }
        }
    }
    bool same_stems = true;
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        std::string stem = text::stem_of(fixes[i].word, language_);
        same_stems = same_stems && !stem.empty() && stem == text::stem_of(fixes[i].candidates[chosen[i]], language_);
    }
    return Correction{corrected(), found_nowhere, same_stems};
}

std::string QueryBuilder::spelling_suggestion(const std::string& word) const {
    if (db_.term_exists(word) || is_stopword(word, typed_language_) || synonyms_.knows(word))
        return {};
    // An edit there changes a whole word or syllable, so the nearest term is another word.
    if (text::starts_with_unspaced_script(word) || text::starts_with_hangul(word)) return {};
    // Two edits turn most three-letter words into another word.
    unsigned max_edits = word.size() <= 4 ? 1 : 2;
    return spelling_->get_spelling_suggestion(word, max_edits);
}

std::vector<std::string> QueryBuilder::spelling_candidates(const std::string& word) const {
    std::string suggestion = spelling_suggestion(word);
    if (suggestion.empty()) return {};
    // Xapian's suggestion is the commonest word at the least distance; the others
    // one edit away come from letters of the word, of the suggestion and of English.
    std::vector<std::string> letters = code_points_of(word + suggestion);
    for (char c = 'a'; c <= 'z'; ++c) letters.emplace_back(1, c);
    std::sort(letters.begin(), letters.end());
    letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
    std::vector<std::pair<Xapian::doccount, std::string>> near;
    // Both in byte order: one walk of the spelling data looks them all up.
    Xapian::TermIterator spelling = spelling_->spellings_begin();
    for (std::string& variant : one_edit_variants(word, letters)) {
        spelling.skip_to(variant);
        if (spelling == spelling_->spellings_end()) break;
        if (*spelling == variant && variant != suggestion && !is_stopword(variant, typed_language_))
            near.emplace_back(spelling.get_termfreq(), std::move(variant));
    }
    std::sort(near.begin(), near.end(), std::greater<>());
    std::vector<std::string> candidates{std::move(suggestion)};
    for (auto& [n, variant] : near) {
        if (candidates.size() == kMaxSpellingCandidates) break;
        candidates.push_back(std::move(variant));
    }
    return candidates;
}

Xapian::Query QueryBuilder::phrase(const std::string& words) const {
    return term(QueryNode{.kind = Kind::Phrase, .text = words});
}

Xapian::doccount QueryBuilder::count_matches(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Checking every document makes the estimate the exact count.
    return enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
}

}  // namespace qbank::query
