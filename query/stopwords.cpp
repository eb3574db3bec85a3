#include "query/stopwords.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>

#include "text/fold.h"

namespace qbank::query {
namespace {

// Per language, space-separated: stopwords, then filler. English: the words a
// question is built from; filler is modal verbs, conjunctions, comparison words,
// the verbs and adverbs people wrap a question in, the frame of an interview
// question ("explain", "difference between"), the chat around it ("hey",
// "thanks"), counts up to ten, quantities and units of time, which constrain a
// question rather than name its topic ("in two weeks", "one page or two", "how
// many problems"), and most of the rest of Snowball's English stop list
// (pronouns, negations). Not its prepositions of place and order ("write
// through", "scale up", "top down", "off by one", "exactly once"), "few" or
// "having": they name topics here. Reflexive pronouns are
// neither: they name whom a question is about ("tell me about yourself"). The
// other languages' lists hold the same kinds of word: articles, particles,
// prepositions, pronouns and question words as stopwords; "difference", "explain",
// "use" and "between" as filler. Chinese and Japanese lists hold words as ICU cuts
// them ("の", "的", "違い").
struct LanguageWords {
    std::string_view language;  // primary subtag
    std::string_view stop;
    std::string_view filler;
};

constexpr LanguageWords kLanguages[] = {
    {"en",
     "a an and are as at be by did do does for from had has have how i in is it its me my of on or our that the "
     "their them this to was we were what when where which who why will with you your",
     "about actually after again all also am any anybody anyone anything aren't basically because been before "
     "being best better between both but can can't cannot could couldn't currently day days describe didn't "
     "difference differences doesn't doing don't during each eight else even ever exactly explain five four "
     "further get getting gonna good guys hadn't hasn't haven't he he'd he'll he's hello her here here's hers hey "
     "hi him his hour hours how's hows i'd i'll i'm i've if im instead into isn't it's just kinda let's like might "
     "many minute minutes month months more most much must mustn't need nine no not ok okay one only other ought "
     "ours own please really same seven several shall shan't she she'd she'll she's should shouldn't six so some "
     "someone such ten than thanks that's theirs then there there's these they they'd they'll they're they've "
     "those three too two use using usually various versus very vs wanna want wasn't way we'd we'll we're we've "
     "week weeks weren't what's whats when's where's while who's whom why's won't would wouldn't year years you'd "
     "you'll you're you've yours"},
    {"de",
     "der die das den dem des ein eine einer einem einen eines und oder aber in im zu zum zur von vom mit auf "
     "aus an am bei für nach vor durch um ist sind war wird werden sein es er sie ich du wir ihr man sich "
     "dass was wer wie wo wann warum welche welcher welches kann können nicht kein keine noch auch nur so als",
     "unterschied unterschiede erklären erkläre erklärung verwenden benutzen nutzen zwischen besser beste mehr"},
    {"es",
     "de del la las el los lo un una unos unas y e o u a al en con por para sin sobre que qué como cómo cual "
     "cuál cuáles cuando donde quien es son ser está están se su sus mi mis tu tus me te le les nos yo él ella "
     "ellos este esta estos estas ese esa eso esto hay muy ya no ni",
     "diferencia diferencias explicar explica explique usar uso utilizar mejor entre más también"},
    {"ja",
     "の と は が を に で も や へ か な ね よ から まで より です ます だ でしょう する して します ある いる この その あの とは って "
     "について における",
     "違い 差 説明 何 なに なん どう どのように なぜ 教えて ください 使う 使い方 使用"},
    {"ko",
     "그리고 그 이 저 것 수 등 및 또는 의 를 을 은 는 가 에 와 과 에서",
     "차이 차이점 설명 설명하세요 무엇 무엇인가요 무엇입니까 어떻게 왜 사용 뭐 뭔가요"},
    {"pl",
     "i w we z ze na do się nie że to jest są o a jak co po od za przez dla czy ale lub oraz jego jej ich ten ta "
     "te tym tego tej być by już tak też tylko może gdy kiedy który która które jaki jaka jakie czym czego u",
     "różnica różnice różnicy wyjaśnij wyjaśnić wyjaśnienie używać użyć między pomiędzy lepszy najlepszy"},
    {"pt",
     "de a o as os um uma uns umas e ou do da dos das em no na nos nas ao aos à às por pelo pela pelos pelas para "
     "com sem sobre que como qual quais quando onde quem é são ser está estão foi se seu sua seus suas meu minha "
     "você vocês eu ele ela eles elas este esta estes estas esse essa isso isto não nem já",
     "diferença diferenças explique explicar explicação usar uso utilizar melhor entre mais também"},
    {"ru",
     "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было от меня "
     "еще нет о об из ему когда ли если уже или ни быть был до вас там себя ей может они где есть для мы их чем "
     "была без кто этот того это эти этой этом при такое такой какой какая какие",
     "разница различие различия отличие отличия отличается объясните объяснить объяснение использовать между "
     "лучше"},
    {"tl",
     "ang ng mga sa na at ay si ni kay para ito iyon nito niya ko mo ka ako siya kami tayo sila ba po din rin "
     "lang naman kung may mayroon hindi ano paano bakit",
     "pagkakaiba ipaliwanag gamitin paggamit"},
    {"zh",
     "的 了 和 与 與 是 在 吗 嗎 呢 吧 啊 把 被 及 或 之 其 这 這 那 个 個 中 对 對 为 為",
     "区别 區別 差异 差異 不同 什么 什麼 甚麼 如何 怎么 怎麼 怎样 怎樣 为什么 為什麼 解释 解釋 说明 說明 请 請 使用 用"},
};

// English set phrases (stopwords.h); each form of a verb is listed.
constexpr std::string_view kSetPhrases[] = {
    "in front of", "on top of", "in terms of", "in spite of", "instead of", "because of", "as well as", "in order to",
    "according to", "ahead of", "in case of", "in addition to", "with respect to", "with regard to", "regardless of",
    "as far as", "at the end of", "at the start of", "at the beginning of", "in the middle of", "by the way",
    "at least", "at the end", "at the start", "at most", "at all", "so far", "of course", "in general",
    "for example", "for instance", "in fact", "a lot", "lots of", "kind of", "sort of", "a bit", "a little",
    "right now", "these days", "come up", "comes up", "came up", "coming up", "turn out", "turns out", "turned out",
    "turning out", "figure out", "figured out", "figuring out", "find out", "found out", "end up", "ends up",
    "ended up", "ending up", "run out", "runs out", "ran out", "running out", "make sure", "go over", "goes over",
    "went over", "go through", "goes through", "went through", "going through", "deal with", "dealing with",
    "dealt with", "look like", "looks like", "talk about", "talking about", "think about", "thinking about",
};

struct Lists {
    std::unordered_set<std::string> stop, filler;
};

void add_words(std::string_view words, std::unordered_set<std::string>& to) {
    while (!words.empty()) {
        std::size_t end = words.find(' ');
        if (end != 0) to.insert(text::fold(words.substr(0, end)));  // as query words are
        words = end == std::string_view::npos ? std::string_view() : words.substr(end + 1);
    }
}

const Lists* lists_of(std::string_view language) {
    static const std::map<std::string, Lists, std::less<>> table = [] {
        std::map<std::string, Lists, std::less<>> t;
        for (const LanguageWords& l : kLanguages) {
            Lists& lists = t[std::string(l.language)];
            add_words(l.stop, lists.stop);
            add_words(l.filler, lists.filler);
        }
        return t;
    }();
    auto it = table.find(language.substr(0, language.find('-')));
    return it == table.end() ? nullptr : &it->second;
}

// In English's list or `language`'s: a query in any language may hold English words.
bool listed(std::string_view word, std::string_view language, std::unordered_set<std::string> Lists::*which) {
    // As the tokenizer reads a typographic apostrophe ("doesn’t").
    constexpr std::string_view kTypographic = "\u2019";
    std::string key;
    for (std::size_t from = 0;;) {
        const std::size_t at = word.find(kTypographic, from);
        key.append(word.substr(from, at - from));
        if (at == std::string_view::npos) break;
        key += '\'';
        from = at + kTypographic.size();
    }
    if ((lists_of("en")->*which).contains(key)) return true;
    const Lists* own = lists_of(language);
    return own != nullptr && (own->*which).contains(key);
}

// The set phrases, as lists of words.
const std::vector<std::vector<std::string>>& set_phrases() {
    static const std::vector<std::vector<std::string>> phrases = [] {
        std::vector<std::vector<std::string>> out;
        for (std::string_view phrase : kSetPhrases) {
            std::vector<std::string>& words = out.emplace_back();
            for (std::size_t from = 0; from <= phrase.size();) {
                const std::size_t space = std::min(phrase.find(' ', from), phrase.size());
                words.emplace_back(phrase.substr(from, space - from));
                from = space + 1;
            }
        }
        return out;
    }();
    return phrases;
}

}  // namespace

std::size_t set_phrase_length(const std::vector<std::string>& words, std::size_t first) {
    std::size_t longest = 0;
    for (const std::vector<std::string>& phrase : set_phrases())
        if (phrase.size() > longest && first + phrase.size() <= words.size() &&
            std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(first)))
            longest = phrase.size();
    return longest;
}

bool is_stopword(std::string_view word, std::string_view language) { return listed(word, language, &Lists::stop); }

bool is_filler_word(std::string_view word, std::string_view language) {
    return listed(word, language, &Lists::filler);
}

}  // namespace qbank::query
