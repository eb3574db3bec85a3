#pragma once
// The one definition of how a Record maps onto a Xapian document: field names
// as typed in queries, term prefixes, boolean vs free text, default-search
// weights and facet value slots. The indexer and the query side both read it;
// nothing else spells a prefix or a slot number. Documented in schema/README.md.

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace qbank::schema {

// Bump when a change to this table, the stored data or term generation makes
// older indexes wrong; opening such an index then fails with a reindex hint.
inline constexpr int kSchemaVersion = 9;
inline constexpr std::string_view kSchemaVersionKey = "qbank.schema_version";
// Metadata: the qbank version of the last commit, for the incompatible-index message.
inline constexpr std::string_view kWrittenByKey = "qbank.written_by";
// Metadata: hashes of the corpus-wide boilerplate last learned (8-byte little-endian each).
inline constexpr std::string_view kBoilerplateKey = "qbank.boilerplate";
// Metadata: "K/N" when the index is shard K of N (qbank index --shard); absent for a whole index.
inline constexpr std::string_view kShardKey = "qbank.shard";

// Value slots. Level, Category, Tag and Lang hold packed facet values (facet_values.h);
// Source the states of the document's files (source_state.h); Fingerprint the
// exact hash and SimHash of its content, 8 bytes little-endian each. LevelOrder
// and SourceOrder are what hits are sorted by (SortBy): level_order_key, the source.
enum class Slot : unsigned {
    Level = 0, Category = 1, Tag = 2, Source = 3, Fingerprint = 4, Lang = 5, LevelOrder = 6, SourceOrder = 7
};
constexpr unsigned slot_number(Slot slot) { return static_cast<unsigned>(slot); }

enum class FieldId { Id, Title, Question, Heading, Answer, Tag, Level, Category, Lang };

enum class FieldKind {
    Id,        // unique id term, one per document
    FreeText,  // words, stemmed, positional; searchable as name:word
    Filter,    // exact boolean term per value; searchable as name:value
};

struct Field {
    FieldId id;
    std::string_view name;    // as written in queries and JSON facets
    std::string_view prefix;  // Xapian term prefix
    FieldKind kind;
    // Within-document frequency added per word to the unprefixed terms that plain
    // queries search: how much a match here counts. 0 keeps the field out of plain search.
    unsigned weight;
    std::optional<Slot> facet;
};

inline constexpr std::array<Field, 9> kFields{{
    {FieldId::Id, "id", "Q", FieldKind::Id, 0, std::nullopt},
    {FieldId::Title, "title", "S", FieldKind::FreeText, 6, std::nullopt},
    {FieldId::Question, "question", "XQ", FieldKind::FreeText, 4, std::nullopt},
    {FieldId::Heading, "heading", "XH", FieldKind::FreeText, 2, std::nullopt},
    {FieldId::Answer, "answer", "XA", FieldKind::FreeText, 1, std::nullopt},
    {FieldId::Tag, "tag", "K", FieldKind::Filter, 3, Slot::Tag},
    {FieldId::Level, "level", "XL", FieldKind::Filter, 0, Slot::Level},
    {FieldId::Category, "category", "XC", FieldKind::Filter, 2, Slot::Category},
    {FieldId::Lang, "lang", "XLANG", FieldKind::Filter, 0, Slot::Lang},
}};

constexpr const Field& field(FieldId id) { return kFields[static_cast<std::size_t>(id)]; }

// The field with this query name, or nullptr.
const Field* find_field(std::string_view name);

// Xapian refuses longer terms, and a refused document cancels the whole batch.
inline constexpr std::size_t kMaxTermBytes = 245;

// The boolean term for a filter value: prefix + canonical folded value. Levels are
// canonicalized first ("senior level" -> Senior). nullopt when the value cannot
// name anything (an empty value, an unknown level, one too long for a term).
std::optional<std::string> filter_term(FieldId field, std::string_view value);

// The unique id term of a record.
std::string id_term(std::string_view record_id);

// An index or query term taken apart: the field whose prefix it carries (nullptr
// for the unprefixed terms plain words search), Xapian's stem marker, and the word
// or value ("ZSherd" -> title, stemmed, "herd"). nullopt for no term of this schema.
struct TermParts {
    const Field* field;
    bool stemmed;
    std::string word;
};
std::optional<TermParts> split_term(std::string_view term);

}  // namespace qbank::schema
