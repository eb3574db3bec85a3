#include "indexer/page_metadata.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "indexer/folded_list.h"
#include "schema/level_name.h"
#include "text/code_point_walk.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/trim.h"
#include "text/utf8_length.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

enum class Role { Level, Category, Tags, Language, Other };

struct Key {
    std::string_view name;  // folded
    Role role;
};

// Keys of "Key: value" lines in the languages of the corpus. Other keys are
// read as metadata that qbank does not keep (difficulty, companies, time).
constexpr Key kKeys[] = {
    {"level", Role::Level}, {"seniority", Role::Level}, {"experience level", Role::Level},
    {"experience", Role::Level}, {"role level", Role::Level}, {"career level", Role::Level},
    {"nivel", Role::Level}, {"nivel de experiencia", Role::Level}, {"nível", Role::Level},
    {"niveau", Role::Level}, {"poziom", Role::Level}, {"stufe", Role::Level}, {"erfahrungsstufe", Role::Level},
    {"级别", Role::Level}, {"等级", Role::Level}, {"职级", Role::Level}, {"レベル", Role::Level},
    {"category", Role::Category}, {"categories", Role::Category}, {"topic", Role::Category},
    {"track", Role::Category}, {"question type", Role::Category}, {"interview type", Role::Category},
    {"round", Role::Category}, {"categoría", Role::Category}, {"categoria", Role::Category},
    {"catégorie", Role::Category}, {"kategorie", Role::Category}, {"kategoria", Role::Category},
    {"tema", Role::Category}, {"thème", Role::Category}, {"thema", Role::Category}, {"temat", Role::Category},
    {"分类", Role::Category}, {"类别", Role::Category}, {"主题", Role::Category}, {"分類", Role::Category},
    {"カテゴリ", Role::Category}, {"カテゴリー", Role::Category}, {"分野", Role::Category},
    {"tags", Role::Tags}, {"tag", Role::Tags}, {"tagged", Role::Tags}, {"tagged with", Role::Tags},
    {"topics", Role::Tags}, {"related topics", Role::Tags}, {"skills", Role::Tags}, {"skill", Role::Tags},
    {"skills tested", Role::Tags}, {"skill tags", Role::Tags}, {"competencies", Role::Tags},
    {"competency", Role::Tags}, {"keywords", Role::Tags}, {"labels", Role::Tags}, {"etiquetas", Role::Tags},
    {"habilidades", Role::Tags}, {"competências", Role::Tags}, {"competencias", Role::Tags},
    {"compétences", Role::Tags}, {"étiquettes", Role::Tags}, {"fähigkeiten", Role::Tags},
    {"kompetenzen", Role::Tags}, {"schlagwörter", Role::Tags}, {"umiejętności", Role::Tags},
    {"tagi", Role::Tags}, {"标签", Role::Tags}, {"標籤", Role::Tags}, {"技能", Role::Tags},
    {"タグ", Role::Tags}, {"スキル", Role::Tags}, {"mots-clés", Role::Tags}, {"mots clés", Role::Tags},
    {"palavras-chave", Role::Tags}, {"palabras clave", Role::Tags}, {"schlüsselwörter", Role::Tags},
    {"słowa kluczowe", Role::Tags}, {"关键词", Role::Tags}, {"キーワード", Role::Tags},
    {"lang", Role::Language}, {"language", Role::Language}, {"locale", Role::Language}, {"idioma", Role::Language},
    {"langue", Role::Language}, {"sprache", Role::Language}, {"język", Role::Language}, {"语言", Role::Language},
    {"言語", Role::Language},
    {"difficulty", Role::Other}, {"companies", Role::Other}, {"company", Role::Other},
    {"asked at", Role::Other}, {"asked by", Role::Other}, {"duration", Role::Other},
    {"estimated time", Role::Other}, {"reading time", Role::Other}, {"posted", Role::Other},
    {"updated", Role::Other}, {"last updated", Role::Other}, {"published", Role::Other},
    {"author", Role::Other}, {"views", Role::Other}, {"frequency", Role::Other}, {"expertise", Role::Level},
    {"dificultad", Role::Other}, {"dificuldade", Role::Other}, {"difficulté", Role::Other},
    {"schwierigkeit", Role::Other}, {"schwierigkeitsgrad", Role::Other}, {"trudność", Role::Other},
    {"poziom trudności", Role::Other}, {"难度", Role::Other}, {"難易度", Role::Other},
    {"empresas", Role::Other}, {"entreprises", Role::Other}, {"unternehmen", Role::Other},
    {"firmy", Role::Other}, {"公司", Role::Other}, {"企業", Role::Other}, {"tiempo", Role::Other},
    {"tempo", Role::Other}, {"durée", Role::Other}, {"dauer", Role::Other}, {"czas", Role::Other},
    {"时间", Role::Other}, {"時間", Role::Other}, {"想定時間", Role::Other}, {"所要時間", Role::Other},
    {"预计时间", Role::Other},
    // Italian, Russian, Turkish, Vietnamese, Korean; wiki page properties.
    {"livello", Role::Level}, {"уровень", Role::Level}, {"грейд", Role::Level}, {"seviye", Role::Level},
    {"cấp độ", Role::Level}, {"trình độ", Role::Level}, {"레벨", Role::Level}, {"수준", Role::Level},
    {"argomento", Role::Category}, {"категория", Role::Category}, {"тема", Role::Category},
    {"kategori", Role::Category}, {"konu", Role::Category}, {"danh mục", Role::Category},
    {"chủ đề", Role::Category}, {"카테고리", Role::Category}, {"분류", Role::Category}, {"주제", Role::Category},
    {"теги", Role::Tags}, {"метки", Role::Tags}, {"etiketler", Role::Tags}, {"thẻ", Role::Tags},
    {"태그", Role::Tags}, {"parole chiave", Role::Tags},
    {"difficoltà", Role::Other}, {"сложность", Role::Other}, {"zorluk", Role::Other}, {"độ khó", Role::Other},
    {"난이도", Role::Other}, {"aziende", Role::Other}, {"компании", Role::Other}, {"şirketler", Role::Other},
    {"süre", Role::Other}, {"время", Role::Other}, {"durata", Role::Other}, {"status", Role::Other},
    {"owner", Role::Other}, {"last edited", Role::Other}, {"created", Role::Other},
    // Ukrainian, Indonesian.
    {"рівень", Role::Level}, {"категорія", Role::Category}, {"складність", Role::Other},
    {"jenjang", Role::Level}, {"tingkat", Role::Level}, {"kesulitan", Role::Other},
    // Chinese blogs' article boxes.
    {"分类专栏", Role::Category}, {"个人分类", Role::Category}, {"文章分类", Role::Category},
    {"文章标签", Role::Tags},
    {"tingkat kesulitan", Role::Other}, {"topik", Role::Category},
};

// Keys that name the category only beside other keys on a meta line.
constexpr std::string_view kAreaKeys[] = {
    "area", "área", "bereich", "obszar", "ambito", "ámbito", "область",
    "alan", "lĩnh vực", "분야", "领域", "領域",
};

bool is_area_key(std::string_view key) {
    static const FoldedList kAreas(kAreaKeys);
    return kAreas.contains(text::fold(key));
}

// Sections of question sites that breadcrumbs pass through, folded.
constexpr std::string_view kSiteSections[] = {
    "home", "question bank", "questions", "interview questions", "interviews", "interview", "practice",
    "library", "browse", "all questions", "explore", "topics", "categories", "question library",
    "community", "forum", "forums", "discuss", "discussions", "comunidad", "comunidade", "communauté",
    "inicio", "preguntas", "banco de preguntas", "início", "perguntas", "accueil", "startseite", "fragen",
    "strona główna", "pytania", "首页", "题库", "面试题", "ホーム", "質問", "問題集",
};

// Difficulty words, folded: metadata, not a level.
constexpr std::string_view kDifficulties[] = {
    "easy", "medium", "hard", "beginner", "advanced", "fácil", "facil", "medio", "media", "difícil", "dificil",
    "médio", "facile", "moyen", "difficile", "leicht", "mittel", "schwer", "łatwe", "średnie", "trudne",
    "简单", "中等", "困难", "簡単", "普通", "難しい",
};

constexpr std::size_t kMaxCategoryChars = 40;
constexpr std::size_t kCharsPerCategoryWord = 8;
constexpr std::size_t kMaxTagChars = 60;
constexpr std::size_t kMaxNoiseWords = 12;

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Markdown emphasis and code marks around a phrase: "**Level:**", "`Tags`".
std::string_view strip_marks(std::string_view s) {
    s = text::trim(s);
    while (!s.empty() && (s.front() == '*' || s.front() == '_' || s.front() == '`')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == '*' || s.back() == '_' || s.back() == '`')) s.remove_suffix(1);
    return text::trim(s);
}

bool ends_sentence(std::string_view s) {
    for (std::string_view end : {".", "!", "?", "。", "！", "？", "…"})
        if (s.ends_with(end)) return true;
    return false;
}

struct Separator {
    std::string_view text;
    bool breadcrumb;  // › » > / →: a path from general to specific
    bool spaced;      // only with a space on each side ("a / b", not "03/04")
};

constexpr Separator kSeparators[] = {
    {"›", true, false}, {"»", true, false}, {"→", true, false}, {"⟩", true, false}, {"❯", true, false},
    {"▸", true, false}, {"＞", true, false}, {">", true, true},  {"/", true, true},  {"·", false, false},
    {"•", false, false}, {"∙", false, false}, {"｜", false, false}, {"|", false, true},
    {"\t", false, false},  // table cells copied as text: "Level<TAB>Staff"
};

struct Parts {
    std::vector<std::string_view> parts;
    bool breadcrumb = false;
};

Parts split_parts(std::string_view line) {
    Parts out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size();) {
        const Separator* hit = nullptr;
        for (const Separator& sep : kSeparators) {
            if (line.compare(i, sep.text.size(), sep.text) != 0) continue;
            if (sep.spaced && (i == 0 || line[i - 1] != ' ' || i + sep.text.size() >= line.size() ||
                               line[i + sep.text.size()] != ' '))
                continue;
            hit = &sep;
            break;
        }
        // A run of spaces separates the parts of a meta line copied from a page's columns.
        if (hit == nullptr && line.compare(i, 2, "  ") == 0) {
            out.parts.push_back(text::trim(line.substr(start, i - start)));
            i = line.find_first_not_of(' ', i);
            if (i == std::string_view::npos) i = line.size();
            start = i;
            continue;
        }
        if (hit == nullptr) {
            ++i;
            continue;
        }
        out.parts.push_back(text::trim(line.substr(start, i - start)));
        out.breadcrumb = out.breadcrumb || hit->breadcrumb;
        i += hit->text.size();
        start = i;
    }
    out.parts.push_back(text::trim(line.substr(start)));
    return out;
}

const Key* find_key(std::string_view name) {
    static const FoldedList kNames = [] {
        std::vector<std::string_view> names;
        for (const Key& k : kKeys) names.push_back(k.name);
        return FoldedList(names);
    }();
    std::string folded = text::fold(strip_marks(name));
    const std::vector<std::string>& names = kNames.words();
    auto at = std::find(names.begin(), names.end(), folded);
    return at == names.end() ? nullptr : &kKeys[at - names.begin()];
}

bool is_duration_or_count(std::string_view part);

// "Key: value" -> the key and its value; nullopt when the text before the colon is no known key.
std::optional<std::pair<const Key*, std::string_view>> key_value(std::string_view part) {
    auto label = split_label(part);
    if (!label) return std::nullopt;
    const Key* key = find_key(label->first);
    std::string_view value = strip_marks(label->second);
    if (key == nullptr) {
        // A key with a qualifier ("Livello consigliato: neolaureato", "Tempo indicativo: 10
        // minuti", "Level required: Senior"): its first word's key, when the value is what
        // that key holds (a level; a time or count with its unit), so "Level design: …" and
        // "Status code: 404" stay prose.
        std::string_view name = text::trim(label->first);
        std::size_t space = name.find(' ');
        if (space == std::string_view::npos || name.find(' ', space + 1) != std::string_view::npos) return std::nullopt;
        std::string_view qualifier = name.substr(space + 1);
        if (has_digit(qualifier)) return std::nullopt;
        key = find_key(name.substr(0, space));
        bool fits = key != nullptr && ((key->role == Role::Level && schema::parse_level_name(value)) ||
                                       (key->role == Role::Other && is_duration_or_count(value)));
        if (!fits) return std::nullopt;
    }
    return std::make_pair(key, value);
}

std::vector<std::string> split_tags(std::string_view list) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        std::string_view tag = strip_marks(list.substr(start, end - start));
        if (tag.starts_with('#')) tag.remove_prefix(1);
        if (!tag.empty()) tags.emplace_back(tag);
    };
    for (std::size_t i = 0; i < list.size();) {
        std::size_t width = 0;
        for (std::string_view sep : {",", ";", "·", "•", "|", "、", "，", "；"})
            if (list.compare(i, sep.size(), sep) == 0) width = sep.size();
        if (width == 0) {
            ++i;
            continue;
        }
        flush(i);
        i += width;
        start = i;
    }
    flush(list.size());
    return tags;
}

bool tags_are_labels(const std::vector<std::string>& tags) {
    return !tags.empty() && std::all_of(tags.begin(), tags.end(), [](const std::string& t) {
        return text::code_points(t) <= kMaxTagChars && text::word_count(t) <= kMaxCategoryWords + 1 && !ends_sentence(t);
    });
}

// Adds what one "Key: value" says; false when the value is prose, not metadata.
bool read_key_value(const Key& key, std::string_view value, PageMetadata& meta) {
    switch (key.role) {
        case Role::Level:
            // "expertise: 0/1/2", the scale of Q&A repositories in the style of 30-seconds-of-interviews.
            if (key.name == "expertise" && value.size() == 1 && value[0] >= '0' && value[0] <= '2') {
                constexpr Level kExpertise[] = {Level::Junior, Level::Mid, Level::Senior};
                if (!meta.level) meta.level = kExpertise[value[0] - '0'];
                return true;
            }
            if (auto level = schema::parse_level_name(value)) {
                if (!meta.level || *level > *meta.level) meta.level = level;
                return true;
            }
            return text::word_count(value) <= 3;
        case Role::Category:
            // "categories: interview, java": the first names the category.
            if (value.find(", ") != std::string_view::npos && find_key(key.name) == find_key("categories"))
                value = text::trim(value.substr(0, value.find(", ")));
            if (auto category = clean_category(value)) {
                if (!meta.category) meta.category = std::move(category);
                return true;
            }
            return false;
        case Role::Tags: {
            if (value.empty()) {
                meta.chips_follow = true;
                return true;
            }
            std::vector<std::string> tags = split_tags(value);
            if (!tags_are_labels(tags)) return false;
            // A chip that names a level ("Senior") is the page's level, not a skill.
            for (std::string& tag : tags) {
                if (auto level = schema::parse_level_name(tag)) {
                    if (!meta.level || *level > *meta.level) meta.level = level;
                } else {
                    meta.tags.push_back(std::move(tag));
                }
            }
            return true;
        }
        case Role::Language:
            // "Language: JavaScript" names a programming language: metadata, but no tag.
            if (auto tag = text::canonical_language_tag(value); tag && !meta.lang) meta.lang = std::move(tag);
            return text::word_count(value) <= 3;
        case Role::Other: return text::word_count(value) <= kMaxNoiseWords && !value.ends_with('.');
    }
    return false;
}

// "#leadership #system-design": every word a hashtag.
std::optional<PageMetadata> hashtags(std::string_view line) {
    PageMetadata meta;
    std::size_t pos = 0;
    while (pos < line.size()) {
        std::size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        std::string_view word = line.substr(pos, end - pos);
        if (word.size() < 2 || word[0] != '#' || word[1] == '#') return std::nullopt;
        meta.tags.emplace_back(word.substr(1));
        pos = line.find_first_not_of(' ', end);
        if (pos == std::string_view::npos) break;
    }
    if (meta.tags.empty()) return std::nullopt;
    return meta;
}

enum class PartKind { Level, Noise, KeyValue, Candidate, Prose };

// Units of durations and counts, in the corpus's languages.
constexpr std::string_view kUnits[] = {
    "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "h", "sec", "views", "answers", "comments",
    "likes", "upvotes", "votes", "ago", "read", "lượt xem", "просмотров", "просмотра", "просмотр", "visualizzazioni",
    "görüntülenme", "조회", "vistas", "visualizações", "vues", "aufrufe", "wyświetleń", "分", "分钟", "分鐘", "時間",
    "小时", "min.", "minutos", "minuten", "minut", "minuti", "menit", "jam", "хв", "хвилин", "минут", "dakika",
    "times", "veces", "vezes", "fois", "mal", "razy", "раз",
};

// "~30 min", "45 minutes", "1.2k views", "12 answers", "3 days ago", "10 min read": a
// number with the unit of a duration or a count; "O(1)" or "3.5 TB" is content.
bool is_duration_or_count(std::string_view part) {
    if (!has_digit(part) || text::word_count(part) > 4 || ends_sentence(part)) return false;
    std::string folded = text::fold(part);
    static const FoldedList kUnitWords(kUnits);
    for (std::string_view unit : kUnitWords.words())
        for (std::size_t at = folded.find(unit); at != std::string::npos; at = folded.find(unit, at + 1)) {
            bool starts = at == 0 || folded[at - 1] == ' ' || (folded[at - 1] >= '0' && folded[at - 1] <= '9') ||
                          static_cast<unsigned char>(unit[0]) >= 0x80;
            bool ends = at + unit.size() == folded.size() || folded[at + unit.size()] == ' ';
            if (starts && ends) return true;
        }
    return false;
}

// Nouns that end (or, in Romance languages, open) a job title, folded.
constexpr std::string_view kRoleNouns[] = {
    "engineer", "developer", "programmer", "scientist", "analyst", "designer", "architect", "manager",
    "consultant", "administrator", "sde", "swe", "pm", "tpm", "ingeniero", "ingeniera", "desarrollador",
    "desarrolladora", "engenheiro", "engenheira", "desenvolvedor", "desenvolvedora", "ingenieur", "entwickler",
    "developpeur", "developpeuse", "programista", "ingegnere", "sviluppatore", "разработчик", "инженер",
    "muhendis", "muhendisi", "gelistirici",
};

// Openings of a byline or a dateline, folded with the line.
constexpr std::string_view kBylines[] = {
    "asked at ", "asked by ", "asked in ", "posted ", "updated ", "published ", "last updated", "written by ", "by ",
    "publicado por ", "publié par ", "veröffentlicht von ", "von ", "opublikowano ", "pubblicato da ",
    "pubblicato il ", "scritto da ", "опубликовано ", "автор: ", "автор ", "yayınlayan ", "yazar ", "đăng bởi ",
    "đăng lúc ", "작성자 ", "投稿者 ", "发布于 ", "作者 ", "autor: ", "autor ", "auteur : ", "auteur: ",
};

// "🏠", "⌂": an icon standing for a link (home), no letter and no digit in it.
bool is_icon(std::string_view part) {
    bool symbol = false;
    return text::for_each_code_point(part, [&](UChar32 c) {
               symbol = symbol || u_charType(c) == U_OTHER_SYMBOL;
               return c >= 0 && !u_isalnum(c);
           }) &&
           symbol;
}

// "Durée conseillée", "Time limit", "Interview length": a label of the time an answer may take.
bool is_time_budget(std::string_view label) {
    static const FoldedList kTimeWords(std::initializer_list<std::string_view>{
        "time", "duration", "length", "durée", "temps", "tiempo", "duración", "tempo", "duração", "dauer", "zeit",
        "czas", "время", "süre", "thời gian", "시간", "时间", "時間", "用时", "所要"});
    std::string folded = text::fold(label);
    return std::any_of(kTimeWords.words().begin(), kTimeWords.words().end(),
                       [&](const std::string& w) { return folded.find(w) != std::string::npos; });
}

// "active today", "edited yesterday": a post's activity on a relative day.
bool is_relative_day(std::string_view folded) {
    constexpr std::size_t kMaxWords = 3;
    static const FoldedList kDays(std::initializer_list<std::string_view>{
        "today", "yesterday", "hoy", "ayer", "hoje", "ontem", "aujourd'hui", "heute", "gestern",
        "dzisiaj", "wczoraj", "сегодня", "вчера", "oggi", "ieri", "bugün", "dün", "hôm nay", "hôm qua", "오늘",
        "어제", "今天", "昨天", "今日", "昨日"});
    if (text::word_count(folded) > kMaxWords) return false;
    for (std::string_view day : kDays.words()) {
        std::size_t at = folded.find(day);
        if (at == std::string_view::npos) continue;
        bool starts = at == 0 || folded[at - 1] == ' ';
        bool ends = at + day.size() == folded.size() || folded[at + day.size()] == ' ';
        if (starts && ends) return true;
    }
    return false;
}

// "12/02/2025", "2025-02-12", "12.02.2025": a date written in digits.
bool is_numeric_date(std::string_view part) {
    std::size_t separators = std::count_if(part.begin(), part.end(), [](char c) { return c == '/' || c == '-' || c == '.'; });
    return separators == 2 && part.size() >= 6 && part.find_first_not_of("0123456789/-.") == std::string_view::npos &&
           !part.starts_with('/') && !part.ends_with('/');
}

// "San Diego, CA", "London, UK", "São Paulo, SP": a place as job and review sites
// print it, a name and a code of two or three capitals after a comma.
bool is_place(std::string_view part) {
    std::size_t comma = part.rfind(", ");
    if (comma == std::string_view::npos || comma == 0 || text::word_count(part.substr(0, comma)) > 3) return false;
    std::string_view code = part.substr(comma + 2);
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
           part.substr(0, comma).find(',') == std::string_view::npos;
}

// "Question 8 of 40", "3 / 12": where the page stands in a list, not what it is about.
bool is_counter(std::string_view s) {
    std::size_t digit = s.find_first_of("0123456789");
    if (digit == std::string_view::npos) return false;
    std::size_t end = s.find_first_not_of("0123456789", digit);
    std::string_view after = end == std::string_view::npos ? std::string_view() : text::trim(s.substr(end));
    for (std::string_view of : {"of ", "/ ", "/", "de ", "von ", "z ", "sur ", "中的"})
        if (after.starts_with(of) && after.find_first_of("0123456789") != std::string_view::npos) return true;
    return false;
}

// "Notebook 6 of 12", "Parte 2 de 5", "Урок 2 из 8": a part that ends with the page's
// place in its series, a number of a number ("18 de fev. de 2025" is a date).
bool ends_with_position(std::string_view part) {
    auto digits = [](std::string_view s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    for (std::string_view of : {" of ", " de ", " von ", " z ", " sur ", " di ", " из "}) {
        std::size_t at = part.rfind(of);
        if (at == std::string_view::npos) continue;
        std::size_t before = part.rfind(' ', at - 1);
        std::string_view number = part.substr(before == std::string_view::npos ? 0 : before + 1,
                                              at - (before == std::string_view::npos ? 0 : before + 1));
        if (digits(number) && digits(part.substr(at + of.size()))) return true;
    }
    return false;
}

PartKind classify_part(std::string_view part, PageMetadata& meta) {
    part = strip_marks(part);
    if (auto kv = key_value(part)) return read_key_value(*kv->first, kv->second, meta) ? PartKind::KeyValue : PartKind::Prose;
    if (auto level = schema::parse_level_name(part); level || (level = role_level(part))) {
        if (!meta.level || *level > *meta.level) meta.level = level;
        return PartKind::Level;
    }
    std::string folded = text::fold(part);
    static const FoldedList kSites(kSiteSections);
    if (kSites.contains(folded) || is_difficulty(folded)) return PartKind::Noise;
    // Bylines: "Posted by admin", "Đăng bởi admin", "Опубликовано 3 марта".
    static const FoldedList kBylineWords(kBylines);
    for (std::string_view prefix : kBylineWords.words())
        if (folded.starts_with(prefix)) return PartKind::Noise;
    if (is_duration_or_count(part) || is_place(part) || is_numeric_date(part) || is_relative_day(folded))
        return PartKind::Noise;
    if (clean_category(part)) return PartKind::Candidate;
    return PartKind::Prose;
}

}  // namespace

std::optional<std::pair<std::string_view, std::string_view>> split_label(std::string_view line) {
    std::size_t colon = line.find(':');
    std::size_t width = 1;
    if (std::size_t wide = line.find("："); wide < colon) {
        colon = wide;
        width = std::string_view("：").size();
    }
    if (colon == std::string_view::npos) return std::nullopt;
    return std::make_pair(text::trim(line.substr(0, colon)), text::trim(line.substr(colon + width)));
}

bool is_metadata_key(std::string_view name) { return find_key(name) != nullptr; }

bool is_difficulty(std::string_view line) {
    static const FoldedList kDifficultyWords(kDifficulties);
    return kDifficultyWords.contains(text::fold(text::trim(line)));
}

std::optional<Level> role_level(std::string_view part) {
    std::string folded = text::fold(part);
    std::string_view title = folded;
    for (std::string_view prefix : {"interview for ", "interviewing for ", "applied for ", "entrevista para ",
                                    "entrevista de ", "entretien pour ", "entretien de ", "vorstellungsgesprach als ",
                                    "vorstellungsgesprach fur ", "colloquio per ", "rekrutacja na ",
                                    "собеседование на "})
        if (title.starts_with(prefix)) title.remove_prefix(prefix.size());
    for (std::string_view suffix : {" interview", " role", " position"})
        if (title.ends_with(suffix)) title.remove_suffix(suffix.size());
    std::size_t first_space = title.find(' ');
    std::size_t last_space = title.rfind(' ');
    if (first_space == std::string_view::npos || text::word_count(title) > 5) return std::nullopt;
    std::string_view first = title.substr(0, first_space);
    std::string_view last = title.substr(last_space + 1);
    auto role = [](std::string_view w) { return std::find(std::begin(kRoleNouns), std::end(kRoleNouns), w) != std::end(kRoleNouns); };
    if (role(last))
        if (auto level = schema::parse_level_name(first)) return level;
    if (role(first))
        if (auto level = schema::parse_level_name(last)) return level;
    return std::nullopt;
}


std::optional<PageMetadata> parse_metadata_table(std::string_view header, std::string_view row) {
    auto cells = [](std::string_view line) {
        std::vector<std::string_view> out;
        for (std::size_t start = 0;;) {
            std::size_t bar = line.find(" | ", start);
            out.push_back(text::trim(line.substr(start, bar == std::string_view::npos ? bar : bar - start)));
            if (bar == std::string_view::npos) return out;
            start = bar + 3;
        }
    };
    std::vector<std::string_view> keys = cells(header);
    std::vector<std::string_view> values = cells(row);
    if (keys.size() < 2 || keys.size() != values.size()) return std::nullopt;
    std::vector<const Key*> found;
    for (std::string_view name : keys)
        if (const Key* key = find_key(name)) found.push_back(key);
        else return std::nullopt;
    PageMetadata meta;
    for (std::size_t i = 0; i < found.size(); ++i) read_key_value(*found[i], values[i], meta);
    return meta;
}

void add_tag(std::string tag, Record& record) {
    if (tag.size() > 1 && tag[0] == '#' && tag[1] != '#' && tag[1] != ' ') tag.erase(0, 1);  // "#Product Strategy"
    if (std::find(record.tags.begin(), record.tags.end(), tag) == record.tags.end()) record.tags.push_back(std::move(tag));
}

void apply_metadata(const PageMetadata& meta, Record& record) {
    if (meta.category && !record.category) record.category = meta.category;
    if (meta.level && !record.level) record.level = meta.level;
    if (meta.lang && record.lang.empty()) record.lang = *meta.lang;
    for (const std::string& tag : meta.tags) add_tag(tag, record);
}

std::optional<std::string> clean_category(std::string_view text, std::size_t max_words) {
    // Longer than any category could be: stop before reading it all (a 2 MB heading).
    if (text.size() > 4 * max_words * kCharsPerCategoryWord) return std::nullopt;
    std::string_view s = strip_marks(text);
    // Numbering: "3. ", "2) ", "1.4 ".
    std::size_t digits = s.find_first_not_of("0123456789.");
    if (digits != std::string_view::npos && digits > 0 && (s[digits] == ' ' || s[digits] == ')')) {
        bool dotted = s[digits - 1] == '.' || s[digits] == ')' || s.substr(0, digits).find('.') != std::string_view::npos;
        if (dotted) s = text::trim(s.substr(digits + (s[digits] == ')' ? 1 : 0)));
    }
    while (!s.empty() && std::string_view(":;,.").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    for (std::string_view wide : {"：", "；", "，", "。"})
        while (s.ends_with(wide)) s.remove_suffix(wide.size());
    s = strip_marks(s);
    if (s.empty() || s.ends_with('?') || s.ends_with("？") || s.ends_with('!')) return std::nullopt;
    if (text::word_count(s) > max_words || text::code_points(s) > std::max(kMaxCategoryChars, max_words * kCharsPerCategoryWord))
        return std::nullopt;
    // A sentence inside: "we discussed it. Then".
    if (s.find(". ") != std::string_view::npos || s.find(", ") != std::string_view::npos) return std::nullopt;
    if (is_counter(s)) return std::nullopt;
    return std::string(s);
}

// "Statistics, Machine Learning, Model Evaluation": three or more capitalized labels.
std::optional<PageMetadata> chip_list(std::string_view line) {
    if (line.find(", ") == std::string_view::npos || line.find(':') != std::string_view::npos || ends_sentence(line))
        return std::nullopt;
    std::vector<std::string> tags = split_tags(line);
    if (tags.size() < 3) return std::nullopt;
    for (const std::string& tag : tags) {
        if (text::word_count(tag) > 3 || text::code_points(tag) > kMaxCategoryChars) return std::nullopt;
        // "24 Quayside Lane, Leith", "March 4, 2025": an address or a date, not labels
        // ("5 Whys" and "2 phase commit" are).
        constexpr std::size_t kMinHouseNumberDigits = 2;
        std::size_t digits = tag.find_first_not_of("0123456789");
        if (digits == std::string::npos || (digits >= kMinHouseNumberDigits && tag[digits] == ' ')) return std::nullopt;
        for (std::size_t at = 0; at != std::string::npos; at = tag.find(' ', at + 1)) {
            std::size_t start = at == 0 ? 0 : at + 1;
            char c = tag[start];
            bool small_word = tag.compare(start, 4, "and ") == 0 || tag.compare(start, 3, "of ") == 0 ||
                              tag.compare(start, 4, "for ") == 0 || tag.compare(start, 3, "de ") == 0;
            if (c >= 'a' && c <= 'z' && !small_word) return std::nullopt;
        }
    }
    PageMetadata meta;
    meta.tags = std::move(tags);
    return meta;
}

std::optional<PageMetadata> parse_metadata_line(std::string_view line) {
    line = text::trim(line);
    // A list item may hold metadata too: "- Niveau : Senior".
    if (line.starts_with("- ") || line.starts_with("* ")) line = text::trim(line.substr(2));
    if (line.empty() || line.starts_with("# ") || line.starts_with("- ")) return std::nullopt;
    if (auto tags = hashtags(line)) return tags;
    if (auto tags = chip_list(line)) return tags;
    PageMetadata meta;
    // A list of tags is one value whatever separates it: "Tags: a · b · c".
    if (auto kv = key_value(line); kv && kv->first->role == Role::Tags) {
        if (!read_key_value(*kv->first, kv->second, meta)) return std::nullopt;
        return meta;
    }
    // "Skills tested" alone: chips follow.
    if (const Key* key = find_key(line.ends_with(':') ? line.substr(0, line.size() - 1) : line);
        key != nullptr && key->role == Role::Tags) {
        meta.chips_follow = true;
        return meta;
    }
    Parts split = split_parts(line);
    std::vector<std::string_view>& parts = split.parts;
    std::erase_if(parts, [](std::string_view p) { return p.empty(); });
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) {
        auto kv = key_value(parts[0]);
        // "Durée conseillée : 15 min": a time budget, whatever its key ("Data retention: 24
        // hours" is a requirement).
        constexpr std::size_t kMaxLabelWords = 3;
        if (auto label = split_label(parts[0]); !kv && label && text::word_count(label->first) <= kMaxLabelWords &&
                                                 is_time_budget(label->first) && is_duration_or_count(label->second))
            return meta;
        if (!kv || !read_key_value(*kv->first, kv->second, meta)) return std::nullopt;
        return meta;
    }
    // A table row of a key and its value: "Level | SDE III", "Area<TAB>Reliability" (a
    // row, unlike a sentence of prose, may name the category by its area).
    if (parts.size() == 2 && !split.breadcrumb) {
        if (const Key* key = find_key(parts[0])) {
            if (!read_key_value(*key, parts[1], meta)) return std::nullopt;
            return meta;
        }
        if (is_area_key(parts[0]) && (meta.category = clean_category(parts[1]))) return meta;
    }
    // A breadcrumb may end with the page's own title.
    if (split.breadcrumb && (text::word_count(parts.back()) > kMaxCategoryWords || ends_sentence(parts.back())))
        parts.pop_back();
    std::vector<std::string_view> candidates;
    bool recognized = false;
    for (std::string_view part : parts) {
        // "🏠 › Databases": a breadcrumb's home link drawn as an icon is a site section.
        if (split.breadcrumb && part.data() == parts.front().data() && is_icon(part)) {
            recognized = true;
            continue;
        }
        // "Topic: ML · Level: E4 · Notebook 6 of 12": the page's place in its series. (At
        // a breadcrumb's end it names the page, which the path's own parts then outrank.)
        if (!split.breadcrumb && ends_with_position(part)) continue;
        switch (classify_part(part, meta)) {
            case PartKind::Prose: return std::nullopt;
            case PartKind::Candidate: candidates.push_back(part); break;
            default: recognized = true;
        }
    }
    // Unknown words alone may be a table row or a title: "Pros | Cons". A meta line
    // names one category; three names beside a site section are a menu ("Pathwise
    // Browse Companies Mock Interviews").
    constexpr std::size_t kMinMenuNames = 3;
    if (!recognized || (!split.breadcrumb && candidates.size() >= kMinMenuNames)) return std::nullopt;
    // "Nível: Sénior   Área: Bases de Dados": beside known keys, an area names the category
    // ("Area: 3.5 TB per year" alone is a sentence of an answer).
    for (std::string_view& candidate : candidates)
        if (auto label = split_label(candidate); label && is_area_key(label->first)) candidate = label->second;
    if (!candidates.empty() && !meta.category)
        meta.category = clean_category(split.breadcrumb ? candidates.back() : candidates.front());
    return meta;
}

}  // namespace qbank::indexer
