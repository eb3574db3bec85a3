#include "text/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace qbank::text {
namespace {

// ISO 639-1 codes of languages people write interview content in.
constexpr std::string_view kLanguages[] = {
    "en", "es", "pt", "fr", "de", "it", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "he", "hi", "bn", "ja",
    "ko", "zh", "vi", "th", "id", "ms", "tl", "sv", "no", "nb", "da", "fi", "cs", "sk", "hu", "ro", "bg",
    "el", "sr", "hr", "sl", "lt", "lv", "et", "ca", "eu", "gl", "ur", "ta", "te", "ml", "kn", "mr", "gu",
    "pa", "sw", "fil",
};

// Folders that hold one subfolder per language.
constexpr std::string_view kLocaleFolders[] = {"i18n", "locales", "locale", "translations", "lang", "languages", "l10n"};

// Files named after their language: README-ja.md, index.zh-CN.md.
constexpr std::string_view kLocalizedStems[] = {"readme", "index"};

// The most frequent words of each Latin-script language, lower case. English
// also lists the words its questions are made of ("I", "do", "my"), since a
// short question holds few others and "i" is also Polish for "and".
struct WordList {
    std::string_view language;
    std::array<std::string_view, 26> words;  // the rest of a shorter list is empty
};

constexpr WordList kCommonWords[] = {
    {"en", {"the", "and", "is", "of", "to", "in", "that", "it", "you", "for", "are", "with", "this", "be", "on",
            "what", "how", "not", "i", "a", "do", "my", "can", "why", "does", "should"}},
    {"es", {"el", "la", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "es", "para", "con", "como", "qué", "cómo"}},
    {"pt", {"o", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "os", "é", "dos", "das", "como", "você", "ao", "na", "nas", "nos"}},
    {"fr", {"le", "la", "les", "des", "et", "est", "un", "une", "que", "pour", "dans", "pas", "vous", "du", "qui", "sur", "au", "ce"}},
    {"de", {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von", "sie", "es", "auf", "für", "wie", "auch"}},
    {"it", {"il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "con", "del", "della", "come", "è", "gli", "nel", "si"}},
    {"pl", {"i", "w", "nie", "na", "się", "z", "jest", "do", "to", "że", "co", "jak", "dla", "czy", "są", "oraz", "przez", "od"}},
    {"nl", {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "voor", "met", "zijn", "wat", "er", "ook", "naar", "bij"}},
    {"tl", {"ang", "ng", "sa", "mga", "na", "at", "ay", "ito", "para", "kung", "hindi", "isang", "ka", "mo", "niya", "nito", "lamang", "din"}},
    {"id", {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "adalah", "akan", "pada", "juga", "atau", "bisa", "kita", "ada"}},
    {"vi", {"và", "của", "là", "có", "không", "được", "các", "một", "cho", "trong", "những", "với", "này", "để", "khi", "người", "đã", "thì"}},
    {"tr", {"ve", "bir", "bu", "için", "ile", "değil", "olan", "gibi", "çok", "daha", "ne", "nasıl", "olarak", "veya", "kadar", "sonra", "her", "mi"}},
};

// Words that Brazil and Portugal write differently ("usuário" / "utilizador",
// "equipe" / "equipa", "arquivo" / "ficheiro", "econômico" / "económico"): a
// Portuguese text that holds two of Brazil's and none of Portugal's is Brazilian.
constexpr std::string_view kBrazilianWords[] = {
    "você", "vocês", "usuário", "usuários", "usuária", "usuárias", "equipe", "equipes", "arquivo", "arquivos",
    "tela", "telas", "registro", "registros", "contato", "contatos", "celular", "ônibus", "trem", "econômico",
    "econômica", "acadêmico", "gênero", "fenômeno", "planejamento",
};
constexpr std::string_view kEuropeanWords[] = {
    "utilizador", "utilizadores", "equipa", "equipas", "ficheiro", "ficheiros", "ecrã", "ecrãs", "registo",
    "registos", "contacto", "contactos", "facto", "factos", "telemóvel", "comboio", "autocarro", "económico",
    "económica", "académico", "género", "fenómeno", "planeamento",
};
constexpr std::size_t kMinRegionWords = 2;

enum class Region { Brazil, Portugal };

// Which country's spelling each region word is, for one lookup per word read.
const std::unordered_map<std::string_view, Region>& regions_by_word() {
    static const auto index = [] {
        std::unordered_map<std::string_view, Region> out;
        for (std::string_view word : kBrazilianWords) out.emplace(word, Region::Brazil);
        for (std::string_view word : kEuropeanWords) out.emplace(word, Region::Portugal);
        return out;
    }();
    return index;
}

// The languages whose common words each word is, for one lookup per word read.
const std::unordered_map<std::string_view, std::vector<std::string_view>>& languages_by_common_word() {
    static const auto index = [] {
        std::unordered_map<std::string_view, std::vector<std::string_view>> out;
        for (const WordList& list : kCommonWords)
            for (std::string_view word : list.words) {
                std::vector<std::string_view>& languages = out[word];
                if (!word.empty() && (languages.empty() || languages.back() != list.language))
                    languages.push_back(list.language);
            }
        out.erase(std::string_view());
        return out;
    }();
    return index;
}

constexpr std::size_t kMaxWordsRead = 3000;
constexpr std::size_t kMinCommonWords = 3;
// A query this short holds few common words: two different ones tell its
// language when no other language has as many ("como usar o formato STAR nas
// respostas"). Words of one letter do not count ("O(n) vs O(log n)"), nor
// acronyms.
constexpr std::size_t kShortQueryWords = 12;
constexpr std::size_t kMinCommonWordsInQuery = 2;
constexpr std::size_t kMaxCodePointsRead = 20000;

bool is_known(std::string_view code) {
    return std::find(std::begin(kLanguages), std::end(kLanguages), code) != std::end(kLanguages);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool all_of(std::string_view s, bool (*pred)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), pred); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A tag with a region or script ("pt-BR", "zh-Hans") is a language wherever it stands.
bool has_subtag(std::string_view tag) { return tag.find('-') != std::string_view::npos; }

std::string_view stem_of(std::string_view name) {
    std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

std::optional<std::string> canonical_language_tag(std::string_view tag) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= tag.size(); ++i) {
        if (i < tag.size() && tag[i] != '-' && tag[i] != '_') continue;
        parts.push_back(tag.substr(start, i - start));
        start = i + 1;
    }
    std::string language = lower(parts[0]);
    if (!is_known(language)) return std::nullopt;
    std::string out = language;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        std::string_view p = parts[i];
        if (p.size() == 4 && all_of(p, is_alpha)) {
            std::string script = lower(p);
            script[0] = static_cast<char>(script[0] - 'a' + 'A');
            out += "-" + script;
        } else if ((p.size() == 2 && all_of(p, is_alpha)) || (p.size() == 3 && all_of(p, is_digit))) {
            std::string region(p);
            for (char& c : region)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            out += "-" + region;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> language_of_path(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '/') continue;
        if (i > start) segments.push_back(path.substr(start, i - start));
        start = i + 1;
    }
    std::optional<std::string> found;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        bool file = i + 1 == segments.size();
        std::string_view name = file ? stem_of(segments[i]) : segments[i];
        bool in_locale_folder =
            i > 0 && std::find(std::begin(kLocaleFolders), std::end(kLocaleFolders), lower(segments[i - 1])) !=
                         std::end(kLocaleFolders);
        // A bare code names a language in a locale folder only: "it.md" may be about IT.
        if (auto tag = canonical_language_tag(name); tag && (has_subtag(*tag) || in_locale_folder)) {
            found = tag;
            continue;
        }
        if (!file) continue;
        // README-ja, README.zh-CN, index_pt-BR.
        for (std::string_view known : kLocalizedStems) {
            std::string folded = lower(name);
            if (!folded.starts_with(known) || folded.size() <= known.size() + 1) continue;
            char sep = folded[known.size()];
            if (sep != '-' && sep != '.' && sep != '_') continue;
            if (auto tag = canonical_language_tag(name.substr(known.size() + 1))) found = tag;
        }
    }
    return found;
}

namespace {

// The language `text` is written in; a `query` may be told by fewer words.
std::string language_of(std::string_view text, bool query) {
    std::map<UScriptCode, std::size_t> scripts;
    std::size_t letters = 0;
    std::size_t latin_ascii = 0;
    bool persian = false;
    bool ukrainian = false;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto n = static_cast<int32_t>(std::min<std::size_t>(text.size(), kMaxCodePointsRead * 4));
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c >= 0 && c < 0x80) {  // most text: ASCII letters are Latin, the rest no letters
            if (is_alpha(static_cast<char>(c))) ++latin_ascii, ++letters;
            continue;
        }
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status)) continue;
        ++scripts[script];
        ++letters;
        persian = persian || c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06CC;
        ukrainian = ukrainian || c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491;
    }
    if (letters == 0) return "und";
    scripts[USCRIPT_LATIN] += latin_ascii;
    auto share = [&](UScriptCode script) { return static_cast<double>(scripts[script]) / static_cast<double>(letters); };
    // Ideographs and kana carry a word in a letter or two: a tenth of the letters is a lot.
    double kana = share(USCRIPT_HIRAGANA) + share(USCRIPT_KATAKANA);
    if (share(USCRIPT_HANGUL) >= 0.1) return "ko";
    if (kana >= 0.03) return "ja";
    if (share(USCRIPT_HAN) >= 0.1) return "zh";
    if (share(USCRIPT_CYRILLIC) >= 0.3) return ukrainian ? "uk" : "ru";
    if (share(USCRIPT_ARABIC) >= 0.3) return persian ? "fa" : "ar";
    if (share(USCRIPT_HEBREW) >= 0.3) return "he";
    if (share(USCRIPT_THAI) >= 0.3) return "th";
    if (share(USCRIPT_GREEK) >= 0.3) return "el";
    if (share(USCRIPT_DEVANAGARI) >= 0.3) return "hi";
    if (share(USCRIPT_BENGALI) >= 0.3) return "bn";
    if (share(USCRIPT_TAMIL) >= 0.3) return "ta";
    if (share(USCRIPT_LATIN) < 0.3) return "und";

    const auto& common = languages_by_common_word();
    std::map<std::string_view, std::size_t> hits;
    std::map<std::string_view, std::size_t> distinct;  // a query's different words of two letters or more
    std::set<std::string> seen;
    std::size_t brazilian = 0, european = 0;
    std::size_t words = 0;
    std::size_t pos = 0;
    std::string word;
    auto word_byte = [](char c) { return is_alpha(c) || static_cast<unsigned char>(c) >= 0x80; };
    while (pos < text.size() && words < kMaxWordsRead) {
        while (pos < text.size() && !word_byte(text[pos])) ++pos;
        std::size_t end = pos;
        while (end < text.size() && word_byte(text[end])) ++end;
        if (end == pos) break;
        word.assign(text.substr(pos, end - pos));
        // A query's word in capitals is an acronym ("OS vs DOS"), whatever it spells.
        const bool capitals = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        for (char& c : word)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        ++words;
        if (auto it = common.find(word); it != common.end()) {
            for (std::string_view language : it->second) ++hits[language];
            if (query && word.size() >= 2 && !capitals && seen.insert(word).second)
                for (std::string_view language : it->second) ++distinct[language];
        }
        if (auto region = regions_by_word().find(word); region != regions_by_word().end())
            ++(region->second == Region::Brazil ? brazilian : european);
        pos = end;
    }
    auto most = [](const std::map<std::string_view, std::size_t>& counts) {
        return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    };
    if (auto best = most(hits); best != hits.end() && best->second >= kMinCommonWords) {
        if (best->first == "pt" && !query && brazilian >= kMinRegionWords && european == 0) return "pt-BR";
        return std::string(best->first);
    }
    if (!query || words > kShortQueryWords) return "und";
    auto best = most(distinct);
    if (best == distinct.end() || best->second < kMinCommonWordsInQuery) return "und";
    const bool tie = std::any_of(distinct.begin(), distinct.end(), [&](const auto& d) {
        return d.first != best->first && d.second == best->second;
    });
    return tie ? "und" : std::string(best->first);
}

}  // namespace

std::string language_of_text(std::string_view text) { return language_of(text, false); }

std::string language_of_query(std::string_view text) { return language_of(text, true); }

}  // namespace qbank::text
