#include "indexer/question_words.h"

#include <string>
#include <vector>

#include "indexer/folded_list.h"
#include "text/fold.h"
#include "text/trim.h"

namespace qbank::indexer {
namespace {

// First words (up to three) of a command to answer, per language: these ask
// whatever follows ("Explain event delegation"). A coding prompt sets its input
// first ("Given a list…", "You are given a list… Return…").
constexpr std::string_view kCommands[] = {
    "explain", "describe", "design", "implement", "compare", "contrast", "tell", "walk", "discuss", "give",
    "define", "outline", "summarize", "differentiate", "distinguish", "illustrate", "given", "you are given",
    "you're given", "you have been given", "étant donné", "gegeben sei", "gegeben ist", "dado um", "dada uma",
    "dado un", "dada una", "дан", "дано", "дана", "даны",
    "explique", "descreva", "diferencie", "defina", "cite", "conte", "fale", "explica", "describa", "diseña",
    "diseñe", "expliquez", "décrivez", "décris", "citez", "définissez", "erkläre", "erklären", "erklärt",
    "beschreibe", "beschreiben", "nenne", "wyjaśnij", "opisz", "podaj", "porównaj", "zaprojektuj", "spraw",
    "ipaliwanag", "ilarawan", "paganahin", "объясните", "объясни", "расскажите", "опишите", "дайте", "назовите",
    "сравните", "jelaskan", "giải", "nêu", "açıklayın", "ব্যাখ্যা করুন", "বর্ণনা করুন",
};

// Nouns that make "Design overview", "Design patterns" a topic's name, not a
// command to design something: a command word followed by one of these alone.
constexpr std::string_view kTopicNouns[] = {
    "overview", "principles", "patterns", "pattern", "notes", "considerations", "basics", "fundamentals",
    "summary", "tips", "process", "goals", "decisions", "review", "document", "doc", "docs", "details",
    "tradeoffs", "trade-offs", "choices", "system", "systems", "phase", "stage", "section", "guidelines",
};

// First words of a question that may also open a heading that asks nothing
// ("How to prepare", "Jak sprawdzić…"): questions among sibling questions.
constexpr std::string_view kInterrogatives[] = {
    "what", "what's", "whats", "why", "how", "when", "where", "which", "who", "whom", "whose", "is", "are", "do",
    "write", "suppose", "imagine",
    "does", "did", "can", "could", "should", "would", "will", "qual", "quais", "como", "por que", "o que",
    "quando", "onde", "quem", "qué", "cuál", "cuáles", "cómo", "por qué", "cuándo", "dónde", "quién", "quel",
    "quelle", "quels", "quelles", "pourquoi", "comment", "qu'est-ce", "was", "warum", "wie", "wann", "welche",
    "welcher", "welches", "czym", "czy", "jak", "dlaczego", "co", "kiedy", "gdzie", "który", "która", "które",
    "ano", "paano", "bakit", "kailan", "saan", "alin", "sino", "что", "как", "почему", "зачем", "когда", "где",
    "какой", "какая", "какие", "apa", "bagaimana", "mengapa", "tại", "nedir", "neden", "nasıl", "কেন", "কী",
    "কি", "কিভাবে", "क्या", "क्यों", "कैसे",
};

// Openings of questions in scripts written without spaces.
constexpr std::string_view kUnspacedOpeners[] = {
    "请", "解释", "描述", "说说", "说明", "谈谈", "简述", "阐述", "什么", "为什么", "为何", "如何", "怎么", "怎样",
    "哪些", "哪个", "设计", "實作", "实现", "設計", "請", "什麼", "為什麼", "如何", "比较", "比較", "列举",
    "给定", "給定",
};

// Endings of questions in languages that put the verb last, and of commands to answer.
constexpr std::string_view kClosers[] = {
    "説明してください", "説明して下さい", "教えてください", "述べてください", "してください", "とは", "ですか",
    "ますか", "でしょうか", "を設計する", "の設計", "설명하세요", "설명해 주세요", "설명해주세요", "무엇인가요",
    "무엇입니까", "인가요", "나요", "까요", "ব্যাখ্যা করুন", "বর্ণনা করুন", "করুন", "吗", "呢", "是什么",
    "有哪些", "区别", "區別",
};

bool has_question_mark(std::string_view s) {
    for (std::string_view mark : {"?", "？", "؟"})
        if (s.find(mark) != std::string_view::npos) return true;
    return false;
}

// Trailing punctuation that does not change what is asked: "…してください。", "…:".
std::string_view without_closing_marks(std::string_view s) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        s = text::trim(s);
        for (std::string_view mark : {".", ":", "。", "：", "!", "！", "\"", "”", "」", ")", "）"})
            if (s.ends_with(mark)) {
                s.remove_suffix(mark.size());
                trimmed = true;
            }
    }
    return s;
}

struct OpeningWords {
    std::string first, two, three;
};

// The first word, the first two and the first three of folded text ("por", "por que").
OpeningWords opening_words(const std::string& folded) {
    std::size_t space = folded.find(' ');
    if (space == std::string::npos) return {};
    std::string first = folded.substr(0, space);
    while (!first.empty() && (first.back() == ',' || first.back() == ':')) first.pop_back();
    std::size_t second_space = folded.find(' ', space + 1);
    std::string three = second_space == std::string::npos ? "" : folded.substr(0, folded.find(' ', second_space + 1));
    return {first, folded.substr(0, second_space), three};
}

}  // namespace

bool asks(std::string_view text) {
    std::string_view t = text::trim(text);
    if (t.empty()) return false;
    if (has_question_mark(t)) return true;
    std::string folded = text::fold(t);
    static const FoldedList kCommandWords(kCommands);
    static const FoldedList kUnspaced(kUnspacedOpeners);
    static const FoldedList kCloserWords(kClosers);
    auto [first, two, three] = opening_words(folded);
    static const FoldedList kTopics(kTopicNouns);
    bool topic = two == folded && kTopics.contains(without_closing_marks(folded.substr(first.size() + 1)));
    if (!topic && (kCommandWords.contains(first) || kCommandWords.contains(two) || kCommandWords.contains(three)))
        return true;
    for (const std::string& opener : kUnspaced.words())
        if (folded.starts_with(opener) && folded.size() > opener.size()) return true;
    std::string_view body = without_closing_marks(folded);
    for (const std::string& closer : kCloserWords.words())
        if (body.ends_with(closer) && body.size() > closer.size()) return true;
    return false;
}

bool opens_like_a_question(std::string_view text) {
    if (asks(text)) return true;
    static const FoldedList kWords(kInterrogatives);
    OpeningWords opening = opening_words(text::fold(text::trim(text)));
    return kWords.contains(opening.first) || kWords.contains(opening.two);
}

}  // namespace qbank::indexer
