#include "indexer/page_chrome.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "indexer/code_fence.h"
#include "indexer/folded_list.h"
#include "indexer/list_item.h"
#include "indexer/page_metadata.h"
#include "schema/level_name.h"
#include "text/code_point_walk.h"
#include "text/fold.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/utf8_length.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

// Phrases of chrome, folded. A strong phrase makes a line chrome when the line
// holds little else; weak ones ("home", "blog") need another beside them.
struct Phrase {
    std::string_view text;
    bool strong;
};

constexpr Phrase kPhrases[] = {
    // Consent and accounts.
    {"accept all", true}, {"reject all", true}, {"allow all", true}, {"decline all", true}, {"accept", false},
    {"reject", false}, {"decline", false}, {"got it", false}, {"cookie settings", true}, {"cookie preferences", true},
    {"manage cookies", true}, {"manage preferences", true}, {"sign up", true}, {"sign in", true}, {"log in", true},
    {"login", true}, {"log out", true}, {"logout", true}, {"register", false}, {"create an account", true},
    {"create a free account", true}, {"forgot password", true},
    // Paywalls and trials.
    {"upgrade", true}, {"upgrade to premium", true}, {"go premium", true}, {"get premium", true}, {"premium", false},
    {"premium content", true}, {"premium only", true},
    {"pro", false}, {"try it free", true}, {"try for free", true}, {"start free trial", true}, {"free trial", true},
    {"unlock", true}, {"subscribe", true}, {"you have", false}, {"free questions left", true},
    {"questions left", true}, {"left this month", true}, {"this month", false}, {"remaining", false},
    {"unlock the full answer", true}, {"see the full answer", true}, {"members only", true},
    // Menus, sharing, footers.
    {"home", false}, {"pricing", false}, {"blog", false}, {"practice", false}, {"courses", false},
    {"about", false}, {"about us", false}, {"contact", false}, {"contact us", false}, {"dashboard", false},
    {"resources", false}, {"faq", false}, {"help", false}, {"careers", false}, {"menu", false}, {"search", false},
    {"share", false}, {"share on twitter", true}, {"share on linkedin", true}, {"share on facebook", true},
    {"share on x", true}, {"copy link", true}, {"copier le lien", true}, {"copiar link", true},
    {"copiar enlace", true}, {"link kopieren", true}, {"kopiuj link", true}, {"复制链接", true}, {"リンクをコピー", true}, {"tell a friend", true}, {"get started", true},
    {"my account", true}, {"archive", false}, {"rss", false}, {"newsletter", false}, {"perguntas", false},
    {"planos", false}, {"entrar", false}, {"tweet", false}, {"twitter", false}, {"linkedin", false},
    {"facebook", false}, {"reddit", false}, {"email", false}, {"print", false}, {"bookmark", false},
    {"save", false}, {"terms", false}, {"privacy", false}, {"terms of service", true}, {"terms of use", true},
    {"privacy policy", true}, {"cookie policy", true}, {"sitemap", false}, {"back to top", true},
    {"back to index", true}, {"back to contents", true}, {"back to the list", true}, {"back to all questions", true},
    {"volver al indice", true}, {"voltar ao indice", true}, {"retour a l'index", true}, {"powrot do spisu", true},
    {"返回目录", true}, {"目次に戻る", true},
    {"next question", true}, {"previous question", true}, {"← previous", true}, {"next →", true},
    {"« previous", true}, {"next »", true}, {"previous", false}, {"next", false}, {"reply", false}, {"like", false}, {"likes", false},
    {"upvote", false}, {"report", false}, {"flag", false}, {"follow", false}, {"edit", false}, {"cite", false},
    {"útil", false}, {"responder", false}, {"denunciar", false}, {"hilfreich", false}, {"antworten", false},
    {"melden", false}, {"utile", false}, {"répondre", false}, {"signaler", false}, {"rispondi", false},
    {"segnala", false}, {"helpful", false}, {"was this helpful", true},
    // Other languages of the corpus.
    {"aceptar todo", true}, {"aceptar todas", true}, {"rechazar todo", true}, {"rechazar todas", true},
    {"aceptar", false}, {"rechazar", false}, {"iniciar sesion", true}, {"inicia sesion", true},
    {"registrate", true}, {"suscribete", true}, {"inicio", false}, {"precios", false}, {"compartir", false},
    {"aceitar todos", true}, {"rejeitar todos", true}, {"aceitar", false}, {"cadastre-se", true},
    {"assine", true}, {"precos", false}, {"compartilhar", false},
    {"tout accepter", true}, {"tout refuser", true}, {"accepter", false}, {"refuser", false},
    {"se connecter", true}, {"connexion", true}, {"s'inscrire", true}, {"inscrivez-vous", true},
    {"accueil", false}, {"tarifs", false}, {"partager", false},
    {"alle akzeptieren", true}, {"alle ablehnen", true}, {"akzeptieren", false}, {"ablehnen", false},
    {"anmelden", true}, {"registrieren", true}, {"startseite", false}, {"preise", false}, {"teilen", false},
    {"zaakceptuj wszystkie", true}, {"akceptuj wszystkie", true}, {"odrzuc wszystkie", true},
    {"zaloguj sie", true}, {"zarejestruj sie", true}, {"strona głowna", false}, {"cennik", false},
    {"udostepnij", false},
    {"全部接受", true}, {"接受全部", true}, {"全部拒绝", true}, {"登录", true}, {"注册", true}, {"首页", false},
    {"写回答", true}, {"邀请回答", true}, {"添加评论", true}, {"关注问题", true}, {"好问题", false}, {"关注者", false},
    {"被浏览", false}, {"收藏", false}, {"举报", false},
    {"分享", false}, {"すべて受け入れる", true}, {"すべて拒否", true}, {"ログイン", true}, {"新規登録", true},
    {"会員登録", true}, {"ホーム", false}, {"シェア", false}, {"共有", false},
    // Italian, Russian, Turkish, Vietnamese, Korean.
    {"accetta tutti", true}, {"rifiuta tutti", true}, {"accedi", true}, {"registrati", true}, {"home page", false},
    {"condividi", false}, {"принять все", true}, {"отклонить все", true}, {"войти", true},
    {"зарегистрироваться", true}, {"регистрация", true}, {"главная", false}, {"поделиться", false},
    {"tümünü kabul et", true}, {"tümünü reddet", true}, {"giriş yap", true}, {"kayıt ol", true}, {"üye ol", true},
    {"ana sayfa", false}, {"paylaş", false}, {"đồng ý tất cả", true}, {"đăng nhập", true}, {"đăng ký", true},
    {"trang chủ", false}, {"chia sẻ", false}, {"đồng ý", false}, {"모두 허용", true}, {"모두 거부", true},
    {"로그인", true}, {"회원가입", true}, {"홈", false}, {"공유", false},
    {"구독하기", true}, {"이 글 공유하기", true}, {"게시글 관리", true}, {"공유하기", false}, {"공감", false},
    {"답글", false}, {"최근 글", false}, {"인기 글", false}, {"방명록", false},
};

// A line opening with one of these, short and not a list item, is a prompt.
constexpr std::string_view kCallsToAction[] = {
    "sign up", "sign in", "log in", "login", "register", "create an account", "create a free account",
    "subscribe", "upgrade", "unlock", "try it free", "try for free", "start your free trial", "start free trial",
    "get premium", "go premium", "join now", "join free", "premium:", "registrate", "inicia sesion", "iniciar sesion",
    "suscribete", "cadastre-se", "assine", "inscrivez-vous", "se connecter", "jetzt registrieren", "registrieren",
    "anmelden", "zaloguj sie", "zarejestruj sie", "注册", "登录", "ログイン", "新規登録", "会員登録",
    // A post's own prompts, alone on their line.
    "add a comment", "add comment",
    // "Next: Connection pooling", "Previous: Read replicas".
    "next:", "previous:", "prev:", "up next:", "siguiente:", "anterior:", "proxima:", "proximo:", "suivant :",
    "suivant:", "precedent :", "precedent:", "weiter:", "zuruck:", "dalej:", "poprzednie:", "nastepne:",
    "下一题", "上一题", "下一篇", "上一篇", "次の問題", "前の問題",
    "이전 질문:", "다음 질문:", "이전:", "다음:", "предыдущий вопрос:", "следующий вопрос:", "domanda precedente:",
    "domanda successiva:", "önceki soru:", "sonraki soru:", "câu hỏi trước:", "câu hỏi tiếp theo:", "câu trước:",
    "câu tiếp theo:",
};

// Openings of a short line that is a site's control or byline, never words of an
// answer in the middle of a line ("Let users report a bug from the app" stays).
constexpr std::string_view kChromeOpenings[] = {
    "answer this question", "ask question", "report a bug", "created by ", "last modified by", "last edited by",
    "last updated by", "查看全部",
};

// Sort controls of a list of answers or comments, opening a short line, a row of
// choices or not: "Sorted by: Highest score (default)", "Sort answers by: Votes | Oldest".
constexpr std::string_view kSortControls[] = {
    "sorted by:", "sort by:", "sort answers by:", "sort comments by:", "ordenar respuestas por:", "ordenar por:",
    "ordenado por:", "trier par :", "trier par:", "trié par :", "sortieren nach:", "sortiert nach:",
    "sortuj według:", "sortuj wg:", "排序:", "並べ替え:", "默认排序", "按时间排序",
    "按热度排序",
};

// Words that make a line about cookies a consent banner, not a lesson on cookies.
constexpr std::string_view kConsent[] = {
    "we use cookies", "this site uses cookies", "this website uses cookies", "uses cookies to",
    "accept all", "reject all", "allow all", "accept cookies", "cookie settings", "cookie preferences",
    "manage cookies", "utilizamos cookies", "usamos cookies", "este sitio utiliza", "nous utilisons des cookies",
    "ce site utilise", "wir verwenden cookies", "diese website verwendet", "uzywamy plikow cookie",
    "ta strona uzywa", "我们使用cookie", "本网站使用", "クッキーを使用", "cookieを使用", "aceptar todas",
    "aceitar todos", "tout accepter", "alle akzeptieren", "zaakceptuj wszystkie", "全部接受", "すべて受け入れる",
    "utilizziamo i cookie", "questo sito utilizza", "мы используем cookie", "мы используем файлы cookie",
    "этот сайт использует", "çerez kullanıyoruz", "çerezleri kullanıyoruz", "chúng tôi sử dụng cookie",
    "trang web này sử dụng", "쿠키를 사용", "accetta tutti", "принять все", "tümünü kabul et", "모두 허용",
};

// "Cookie" as the corpus's languages write it, folded.
constexpr std::string_view kCookieWords[] = {"cookie", "cerez", "쿠키", "куки"};

// Asking for feedback on the page: chrome even though it ends in a question mark.
constexpr std::string_view kFeedback[] = {
    "was this helpful", "was this answer helpful", "was this answer useful", "was this page helpful",
    "seen this question in a real interview", "have you seen this question", "did you get this question",
    "were you asked this question", "have you been asked this question",
    "was this article helpful", "did this answer help", "did this help", "rate this answer", "rate it",
    "te ha resultado util", "fue util esta respuesta", "esta resposta foi util", "cette reponse vous a-t-elle aide",
    "diese antwort war hilfreich", "war diese antwort hilfreich", "czy ta odpowiedz byla pomocna",
    "这个回答有帮助吗", "この回答は役に立ちましたか",
};

// Paywall and account prompts inside a short line: "You've viewed 3 of 5 free answers this month."
constexpr std::string_view kPrompts[] = {
    "free trial", "free answers", "free answer", "free questions", "unlimited access", "go pro", "members only",
    "premium members", "sign in to", "log in to", "sign up to", "sign up for", "create account",
    "create an account", "subscribe to get", "subscribe to our", "in your inbox", "skip to content",
    "skip to main content", "开通会员", "会员专享", "プレミアム会員",
    // Asking readers to contribute or to fund.
    "found a mistake", "found a typo", "have a better answer", "contributions are welcome", "prs welcome",
    "pull requests welcome", "edit this page", "edit on github", "improve this page", "suggest an edit",
    "star the repo", "star this repo", "give it a star", "become a sponsor", "available to sponsors",
    "sponsors only", "masz lepsza odpowiedz", "tem uma resposta melhor", "tienes una respuesta mejor",
    "add answers", "add an answer", "add your answer", "post your answer", "人赞同了该回答",
    "añadir respuestas", "añade tu respuesta", "responder a la pregunta", "adicionar respostas",
    "adicione sua resposta", "ajouter une réponse", "antwort hinzufügen", "antworten hinzufügen",
    "aggiungi una risposta", "dodaj odpowiedź",
    "hai trovato un errore", "нашли ошибку", "hata mı buldunuz", "bir hata buldunuz", "tìm thấy lỗi",
    "오류를 발견", "encontrou um erro", "accedi per", "registrati per", "войдите, чтобы", "войдите чтобы",
    "зарегистрируйтесь, чтобы", "giriş yapın", "đăng nhập để", "로그인하고", "로그인하여", "로그인 후",
    "part of the premium", "premium subscribers", "join this community", "improve this question",
    "improve this answer",
    // A wiki's page furniture.
    "click here to expand", "click to expand", "be the first to like", "write a comment",
    // A newsletter's frame.
    "sponsored by", "forward to a friend", "you're receiving this email", "you are receiving this email",
    "you received this email", "update your preferences", "manage your subscription", "reply to this email",
    "view in browser", "view this email in your browser", "view it in your browser",
    "receiving notifications because", "you're receiving notifications",
    // The page in another language.
    "read this in", "read in english", "leia em portugues", "leia em ingles", "lee esto en", "leer en ingles",
    "lire en francais", "lire en anglais", "auf deutsch lesen", "czytaj po polsku", "阅读英文版", "英語で読む",
    // Site status.
    "is experiencing an outage", "are experiencing an outage", "experiencing outages", "degraded performance",
    "scheduled maintenance",
};
constexpr std::size_t kMaxPromptLineWords = 15;

// A Q&A site describing itself, in a line of any length up to kMaxChromeWords:
// "Interview Prep Stack Exchange is a question and answer site for people preparing…"
constexpr std::string_view kSiteBlurbs[] = {
    "is a question and answer site", "is a q&a site", "takes a minute to sign up", "you agree to our terms",
    "you agree to the terms",
};

constexpr std::string_view kRightsReserved[] = {
    "all rights reserved", "todos los derechos reservados", "todos os direitos reservados", "tous droits reserves",
    "alle rechte vorbehalten", "wszelkie prawa zastrzezone", "版权所有", "保留所有权利", "無断転載",
    "版权声明", "转载请", "все права защищены", "tutti i diritti riservati",
};

// Openings of headings of a list of other questions: "More from Product",
// "Related prompts", "People also practised", "More Staff questions".
constexpr std::string_view kRelatedOpenings[] = {
    "related ", "people also ", "practice next", "up next", "you might also", "you may also", "similar ",
    "other questions", "keep practicing", "keep practising", "continue practicing",
    "more from ", "more questions", "more like this", "next questions",
};
constexpr std::size_t kMaxRelatedHeadingWords = 6;

// Headings of a list of other questions.
constexpr std::string_view kRelatedHeadings[] = {
    "related questions", "related", "you might also like", "you may also like", "more questions",
    "similar questions", "people also ask", "recommended questions", "recommended for you",
    "other questions", "more like this", "preguntas relacionadas", "perguntas relacionadas",
    "questions similaires", "questions connexes", "ahnliche fragen", "verwandte fragen", "powiazane pytania",
    "podobne pytania", "相关问题", "相关题目", "相关面试题", "関連する質問", "関連質問", "関連記事",
    "see also", "read next", "vous aimerez aussi", "a lire aussi", "voir aussi", "veja tambem", "leia tambem",
    "ver tambien", "te puede interesar", "siehe auch", "das konnte sie interessieren", "zobacz tez",
    "相关阅读", "推荐阅读", "延伸阅读", "あわせて読みたい", "こちらもおすすめ",
    "domande correlate", "domande simili", "altre domande", "vedi anche", "potrebbe interessarti",
    "похожие вопросы", "связанные вопросы", "другие вопросы", "смотрите также", "см. также", "benzer sorular",
    "ilgili sorular", "diğer sorular", "ayrıca bakınız", "câu hỏi liên quan", "câu hỏi tương tự",
    "bài viết liên quan", "xem thêm", "관련 질문", "비슷한 질문", "다른 질문", "함께 보기", "관련 글", "相关推荐",
    "perguntas semelhantes", "hot network questions", "linked questions",
};

// Headings of a comment section, without their count.
constexpr std::string_view kCommentHeadings[] = {
    "comments", "comment", "discussion", "leave a comment", "add a comment", "join the discussion", "responses",
    "responses to this post", "comments on this post", "replies", "reader comments",
    "comentarios", "commentaires", "kommentare", "komentarze", "评论", "コメント", "commenti",
    "комментарии", "yorumlar", "bình luận", "댓글",
};

constexpr std::size_t kMaxChromeWords = 40;
constexpr std::size_t kMaxPromptWords = 10;
constexpr std::size_t kMaxRelatedItemWords = 20;
constexpr double kMinCoverage = 0.8;

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Whether a letter ends at byte `at` of `s` (or starts there): "¿" and "«" are not letters.
bool letter_before(std::string_view s, std::size_t at) {
    if (at == 0) return false;
    auto i = static_cast<int32_t>(at);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
    return c >= 0 && u_isalpha(c);
}

bool letter_at(std::string_view s, std::size_t at) {
    if (at >= s.size()) return false;
    auto i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && u_isalpha(c);
}

// Occurrences of `phrase` in `folded` that stand as whole words (Latin phrases).
template <typename F>
void for_each_match(std::string_view folded, std::string_view phrase, F found) {
    bool latin = is_ascii_alnum(phrase.front());
    for (std::size_t at = folded.find(phrase); at != std::string_view::npos; at = folded.find(phrase, at + 1)) {
        std::size_t end = at + phrase.size();
        bool bounded = !latin || ((!letter_before(folded, at) || folded[at - 1] == '\'') && !letter_at(folded, end));
        if (bounded) found(at, end);
    }
}

bool contains_phrase(std::string_view folded, std::string_view phrase) {
    bool any = false;
    for_each_match(folded, phrase, [&](std::size_t, std::size_t) { any = true; });
    return any;
}

bool contains_any(std::string_view folded, const FoldedList& phrases) {
    return std::any_of(phrases.words().begin(), phrases.words().end(),
                       [&](std::string_view p) { return contains_phrase(folded, p); });
}

// The texts of kPhrases, folded, in the same order.
const FoldedList& phrase_texts() {
    static const FoldedList texts = [] {
        std::vector<std::string_view> list;
        for (const Phrase& p : kPhrases) list.push_back(p.text);
        return FoldedList(list);
    }();
    return texts;
}

bool ends_question(std::string_view line);

// The parts of a line parted by runs of `min_gap` spaces or more ("Resumen   Opiniones").
std::vector<std::string_view> columns(std::string_view line, std::size_t min_gap) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t at = line.find(std::string(min_gap, ' ')); at != std::string_view::npos;
         at = line.find(std::string(min_gap, ' '), start)) {
        parts.push_back(text::trim(line.substr(start, at - start)));
        start = line.find_first_not_of(' ', at);
        if (start == std::string_view::npos) return parts;
    }
    parts.push_back(text::trim(line.substr(start)));
    return parts;
}

// "Resumen   Opiniones   Empleos   Sueldos": four or more short names in columns a
// wide gap apart are a row of tabs, whatever their words; not a table's row, whose
// neighbours are in columns too, nor justified text, whose gaps are narrow, nor a
// meta line of keys ("Level: L4   Area: …").
bool is_tab_row(std::string_view line, std::string_view prev, std::string_view next) {
    constexpr std::size_t kMinTabs = 4;
    constexpr std::size_t kMaxTabWords = 2;
    constexpr std::size_t kTabGap = 3;
    constexpr std::size_t kMinTableColumns = 3;
    if (line.find(std::string(kTabGap, ' ')) == std::string_view::npos) return false;
    std::vector<std::string_view> tabs = columns(line, kTabGap);
    if (tabs.size() < kMinTabs || columns(prev, 2).size() >= kMinTableColumns || columns(next, 2).size() >= kMinTableColumns)
        return false;
    return std::all_of(tabs.begin(), tabs.end(), [](std::string_view tab) {
        return !tab.empty() && text::word_count(tab) <= kMaxTabWords && tab.find(':') == std::string_view::npos &&
               !ends_question(tab);
    });
}

// "BackendBrief  ·  Questions  ·  Roadmaps  ·  Log in": three or more short items
// in a row, one of them an account or paywall phrase or two of them menu words.
bool is_menu(std::string_view folded) {
    const FoldedList& kTexts = phrase_texts();
    std::vector<std::string_view> items;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= folded.size();) {
        std::size_t width = 0;
        if (i == folded.size()) width = 1;
        else if (folded.compare(i, 2, "  ") == 0) width = folded.find_first_not_of(' ', i) == std::string_view::npos ? folded.size() - i : folded.find_first_not_of(' ', i) - i;
        else for (std::string_view sep : {"·", "|", "•", " — ", " / ", "\t"})
            if (folded.compare(i, sep.size(), sep) == 0) width = sep.size();
        if (width == 0) {
            ++i;
            continue;
        }
        std::string_view item = text::trim(folded.substr(start, i - start));
        if (!item.empty()) items.push_back(item);
        i += width;
        start = i;
    }
    if (items.size() < 3) return false;
    std::size_t strong = 0;
    std::size_t weak = 0;
    for (std::string_view item : items) {
        // Paths, calls and sentences are content: "注册 | POST /signup | POST /persons".
        if (text::word_count(item) > 3 || item.ends_with('.') || item.find_first_of("/(){}=") != std::string_view::npos)
            return false;
        for (std::size_t k = 0; k < std::size(kPhrases); ++k)
            if (kTexts.words()[k] == item) ++(kPhrases[k].strong ? strong : weak);
    }
    return strong >= 1 || weak >= 2;
}

// Whether chrome phrases make up the line: most of its words, and a strong
// phrase or two weak ones (a list item of weak ones is a reference: "- Reddit Blog").
bool made_of_phrases(std::string_view folded, bool list_item) {
    std::vector<bool> covered(folded.size(), false);
    bool strong = false;
    std::size_t weak = 0;
    const FoldedList& kTexts = phrase_texts();
    for (std::size_t k = 0; k < std::size(kPhrases); ++k) {
        const Phrase& p = kPhrases[k];
        bool hit = false;
        for_each_match(folded, kTexts.words()[k], [&](std::size_t at, std::size_t end) {
            std::fill(covered.begin() + static_cast<std::ptrdiff_t>(at), covered.begin() + static_cast<std::ptrdiff_t>(end), true);
            hit = true;
        });
        if (!hit) continue;
        if (p.strong) strong = true;
        else ++weak;
    }
    // By words: a word counts as chrome when each of its letters is in a phrase.
    std::size_t words = 0;
    std::size_t words_covered = 0;
    for (std::size_t i = 0; i < folded.size();) {
        if (folded[i] == ' ') {
            ++i;
            continue;
        }
        bool letters = false;
        bool all_covered = true;
        while (i < folded.size() && folded[i] != ' ') {
            auto at = static_cast<int32_t>(i);
            UChar32 c;
            U8_NEXT(reinterpret_cast<const uint8_t*>(folded.data()), at, static_cast<int32_t>(folded.size()), c);
            if (c >= 0 && u_isalpha(c)) {
                letters = true;
                all_covered = all_covered && covered[i];
            }
            i = static_cast<std::size_t>(at);
        }
        if (!letters) continue;  // numbers and punctuation: "2", "·"
        ++words;
        words_covered += all_covered ? 1 : 0;
    }
    if (words == 0) return false;
    // A reaction and its count: "Upvote · 212", "공감 12", "❤ 1 Reply" (not "Email 2", "Report 2024").
    constexpr std::string_view kReactions[] = {"upvote", "upvotes", "like", "likes", "공감", "clap", "claps",
                                               "vote", "votes", "helpful", "útil", "utile", "hilfreich"};
    if (words == 1 && words_covered == 1 && !list_item &&
        std::any_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        (std::any_of(std::begin(kReactions), std::end(kReactions),
                     [&](std::string_view r) { return contains_phrase(folded, r); }) ||
         folded.find("❤") != std::string_view::npos || folded.find("♥") != std::string_view::npos ||
         folded.find("👍") != std::string_view::npos))
        return true;
    return static_cast<double>(words_covered) >= kMinCoverage * static_cast<double>(words) &&
           (strong || (weak >= 2 && !list_item));
}

bool ends_question(std::string_view line) { return line.ends_with('?') || line.ends_with("？"); }

// "Back to problem list · Next: Three Sum →": an arrow beside a word that moves
// between pages.
bool is_pager(std::string_view line, std::string_view folded) {
    constexpr std::string_view kArrows[] = {"→", "←", "⬅", "➡", "»", "«", "↩", "↑", "⬆"};
    constexpr std::string_view kMoves[] = {"next", "previous", "prev", "back to", "siguiente", "anterior", "volver",
                                           "proximo", "voltar", "suivant", "precedent", "retour", "weiter", "zuruck",
                                           "dalej", "wstecz", "powrot", "下一", "上一", "返回", "次へ", "前へ", "戻る"};
    if (text::word_count(line) > kMaxRelatedItemWords || is_list_item(line)) return false;
    bool arrow = std::any_of(std::begin(kArrows), std::end(kArrows),
                             [&](std::string_view a) { return line.find(a) != std::string_view::npos; });
    return arrow && std::any_of(std::begin(kMoves), std::end(kMoves),
                                [&](std::string_view m) { return contains_phrase(folded, m); });
}

bool is_chrome_line(std::string_view line, std::string_view folded);

// "3 days ago", "hace 2 días", "2 дня назад": a time counted back from now, as posts,
// comments and timelines print when they were written.
bool says_how_long_ago(std::string_view folded) {
    return folded.ends_with(" ago") || folded.starts_with("hace ") || folded.ends_with(" atras") ||
           folded.ends_with(" назад");
}

// "asked 3 days ago", "Modified 2 days ago", "Viewed 1k times", "answered Jan 5, 2025":
// a Q&A post's activity line.
bool is_post_activity(std::string_view line, std::string_view folded) {
    constexpr std::size_t kMaxActivityWords = 6;
    constexpr std::string_view kVerbs[] = {"asked ", "answered ", "edited ", "modified ", "viewed ", "active ",
                                           "commented ", "preguntado ", "respondido ", "editado ", "perguntada ",
                                           "respondida ", "gefragt ", "beantwortet ", "bearbeitet ", "задан ",
                                           "изменён ", "изменен ", "просмотрен "};
    if (text::word_count(line) > kMaxActivityWords || is_list_item(line)) return false;
    auto verb = std::find_if(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view v) { return folded.starts_with(v); });
    if (verb == std::end(kVerbs)) return false;
    // What follows the verb says when, and nothing else: "3 days ago", "1k times",
    // "today", "Jan 5, 2025" ("Asked 3 questions about Kafka" says what).
    std::string_view when = folded.substr(verb->size());
    // "answered 4 days ago by m.oyelaran": the byline after the time is the post's too.
    if (std::size_t by = when.find(" ago by "); by != std::string_view::npos && when.find(' ', by + 8) == std::string_view::npos)
        when = when.substr(0, by + 4);
    bool relative = says_how_long_ago(when) || when.ends_with(" times") || when == "today" || when == "yesterday";
    bool dated = std::any_of(when.begin(), when.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                 (when.find("20") != std::string_view::npos || when.find("19") != std::string_view::npos) &&
                 text::word_count(when) <= 3 && !when.ends_with('.');
    return relative || dated;
}

// "mbeaulieu opened this issue on Feb 11 · 3 comments", "dkarl added the sql label 2 days
// ago": an issue tracker's timeline event, a handle, what it did, and when.
bool is_timeline_event(std::string_view line, std::string_view folded) {
    constexpr std::size_t kMaxEventWords = 12;
    constexpr std::string_view kEvents[] = {
        "opened", "commented", "closed", "reopened", "merged", "added", "removed", "assigned", "self-assigned",
        "unassigned", "mentioned", "referenced", "labeled", "pushed", "approved", "requested", "changed",
        "linked", "moved", "edited", "marked", "locked", "pinned", "unpinned", "renamed",
    };
    std::string_view event = folded;
    // "@tkaraoglu tkaraoglu self-assigned this…": an avatar's handle before the name.
    if (event.starts_with('@')) {
        std::size_t after = event.find(' ');
        event = after == std::string_view::npos ? std::string_view() : event.substr(after + 1);
    }
    std::size_t space = event.find(' ');
    if (space == std::string_view::npos) return false;
    std::size_t verb_end = std::min(event.find(' ', space + 1), event.size());
    std::string_view verb = event.substr(space + 1, verb_end - space - 1);
    if (std::find(std::begin(kEvents), std::end(kEvents), verb) == std::end(kEvents)) return false;
    if (text::word_count(line) > kMaxEventWords || is_list_item(line) || ends_question(line)) return false;
    // When, and nothing after it but a count: "… 2 days ago", "… on Feb 11", "… on Feb 11 · 3 comments".
    std::string_view when = event;
    if (std::size_t dot = when.find(" · "); dot != std::string_view::npos) when = when.substr(0, dot);
    when = text::trim(when);
    if (says_how_long_ago(when)) return true;
    constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
    constexpr std::size_t kMaxDayDigits = 2;
    std::size_t on = when.rfind(" on ");
    if (on == std::string_view::npos) return false;
    std::string_view date = when.substr(on + 4);  // "feb 11", "feb 11, 2025"
    bool month = std::any_of(std::begin(kMonths), std::end(kMonths), [&](std::string_view m) { return date.starts_with(m); });
    std::size_t day = date.find(' ');
    if (!month || day == std::string_view::npos) return false;
    std::string_view digits = date.substr(day + 1, date.find_first_not_of("0123456789", day + 1) - day - 1);
    return !digits.empty() && digits.size() <= kMaxDayDigits;
}

// "mrkline 5 hours ago | parent | next [–]", "142 points by vkessler 6 hours ago | hide |
// past | 87 comments": a post's header on a link aggregator, who and when, then its links.
bool is_post_header(std::string_view folded) {
    constexpr std::size_t kMaxByWords = 7;
    constexpr std::size_t kMaxLinkWords = 3;
    if (folded.starts_with('|')) return false;  // a table's row
    std::size_t bar = folded.find(" | ");
    if (bar == std::string_view::npos) return false;
    std::string_view by = text::trim(folded.substr(0, bar));
    // Who, then when: "mrkline 5 hours ago"; a table's cell says when alone ("3 days ago").
    constexpr std::size_t kMinByWords = 4;
    if (!says_how_long_ago(by) || text::word_count(by) > kMaxByWords || text::word_count(by) < kMinByWords) return false;
    for (std::size_t at = bar + 3; at <= folded.size();) {
        std::size_t end = std::min(folded.find(" | ", at), folded.size());
        std::string_view link = text::trim(folded.substr(at, end - at));
        if (text::word_count(link) > kMaxLinkWords || link.ends_with('.')) return false;
        at = end + 3;
    }
    return true;
}

// "Was this for a Java role? – mtreloar 3 days ago": a comment signed with its
// author and when, as Q&A sites print comments under a post.
bool is_signed_comment(std::string_view line, std::string_view folded) {
    constexpr std::size_t kMaxSignatureWords = 5;
    std::size_t dash = folded.rfind(" – ");
    std::size_t width = std::string_view(" – ").size();
    if (dash == std::string_view::npos) {
        dash = folded.rfind(" - ");
        width = std::string_view(" - ").size();
    }
    if (dash == std::string_view::npos || is_list_item(line)) return false;
    std::string_view signature = folded.substr(dash + width);
    // A name first ("mtreloar 3 days ago"), not a value ("Output - 2 hours ago").
    bool named = !signature.empty() && !(signature[0] >= '0' && signature[0] <= '9');
    return named && text::word_count(signature) <= kMaxSignatureWords && text::word_count(signature) >= 3 &&
           says_how_long_ago(signature);
}

// "8,947 reputation · 2 gold · 31 silver", "Accepted 96.4K | Submissions 231.8K |
// Acceptance Rate 41.6%": counts side by side, each a number and a word or two, as a
// profile card or a problem's statistics. A rated card ("4,1 ★ · 312 opiniones · Sede
// en Valencia") may also name one thing, its place or trade.
bool is_count_row(std::string_view line) {
    constexpr std::size_t kMinCounts = 2;
    constexpr std::size_t kMaxCountWords = 3;
    // Labels a site puts before its counts ("Before 450 | After 120" is a result).
    constexpr std::string_view kStatistics[] = {"accepted", "submissions", "acceptance rate", "views", "answers",
                                                "votes", "followers", "likes", "comments", "reputation", "solved"};
    auto is_number = [](std::string_view w) {
        return !w.empty() && w[0] >= '0' && w[0] <= '9' && w.find_first_not_of("0123456789,.%kKM") == std::string_view::npos;
    };
    std::size_t counts = 0;
    std::size_t names = 0;
    bool rated = false;
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t dot = line.find(" · ", start);
        std::size_t bar = line.find(" | ", start);
        std::size_t end = std::min(dot, bar);
        std::size_t width = end == dot ? std::string_view(" · ").size() : std::string_view(" | ").size();
        std::string_view part = text::trim(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        std::size_t first_space = part.find(' ');
        std::size_t last_space = part.rfind(' ');
        if (text::word_count(part) > kMaxCountWords) return false;
        bool counted = false;
        if (first_space != std::string_view::npos) {
            std::string label = text::fold(part.substr(0, last_space));
            bool statistic = is_number(part.substr(last_space + 1)) &&
                             std::find(std::begin(kStatistics), std::end(kStatistics), label) != std::end(kStatistics);
            counted = is_number(part.substr(0, first_space)) || statistic;
            rated = rated || (counted && (part.find("★") != std::string_view::npos || part.find("⭐") != std::string_view::npos));
        }
        if (counted) ++counts;
        else if (!part.empty() && std::none_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) ++names;
        else return false;
        if (end == std::string_view::npos) break;
        start = end + width;
    }
    return counts >= kMinCounts && (names == 0 || (rated && names == 1));
}

// "4 min read", "12 min de lectura": a reading-time estimate alone on its line.
bool is_reading_time(std::string_view line, std::string_view folded) {
    constexpr std::size_t kMaxReadingTimeWords = 5;
    if (text::word_count(line) > kMaxReadingTimeWords || line.empty() || !(line[0] >= '0' && line[0] <= '9'))
        return false;
    static const FoldedList kReadingUnits(std::initializer_list<std::string_view>{
        "min read", "minute read", "minutes read", "mins read", "min de lectura", "minutos de lectura",
        "min de leitura", "minutos de leitura", "min. lesezeit", "minuten lesezeit", "min de lecture",
        "minutes de lecture", "мин чтения", "минут чтения", "min di lettura", "minuti di lettura",
        "dakikalık okuma", "dk okuma", "phút đọc", "분 읽기"});
    return std::any_of(kReadingUnits.words().begin(), kReadingUnits.words().end(),
                       [&](const std::string& unit) { return folded.ends_with(unit); });
}

// "Share", "Reply", "Follow": a line that is one action word, beside other chrome.
bool is_action_word(std::string_view folded) {
    const FoldedList& texts = phrase_texts();
    for (std::size_t k = 0; k < std::size(kPhrases); ++k)
        if (!kPhrases[k].strong && texts.words()[k] == folded && folded.find(' ') == std::string_view::npos) return true;
    return false;
}

// "▲<TAB>Ask FN: How would you…": a vote button printed before a post's title, as link
// aggregators do. The line without it; the title stays.
std::string_view without_vote_arrow(std::string_view line) {
    // A tab parts the button from the title, as a table's cells are parted ("△ ABC" is text).
    for (std::string_view arrow : {"▲", "⬆"})
        if (line.starts_with(arrow) && line.size() > arrow.size() && line[arrow.size()] == '\t') {
            std::string_view rest = text::trim(line.substr(arrow.size()));
            // "▲ 3 ▼" is a counter line, handled whole.
            if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0])) == 0) return rest;
        }
    return line;
}

// "14", "41 ✓", "▲ 3 ▼", "3,412 ● 2 ● 19 ● 40": a line of counts and marks only, the
// votes and reputation a Q&A site shows beside a post. No letter, no operator, and
// not a list marker ("1."). Counts alone ("6", "1 1 2 3 5 8") may be an answer's
// output, so they are chrome beside other chrome only (see remove_chrome).
enum class Counter { None, Counts, Votes };

Counter counter_line(std::string_view line) {
    // Marks of votes, stars, bookmarks and reputation badges.
    constexpr UChar32 kVoteMarks[] = {0x25B2, 0x25BC, 0x25B3, 0x25BD, 0x2B06, 0x2B07, 0x2606, 0x2605,
                                      0x25CF, 0x2713, 0x2714, 0x2B50, 0x1F44D, 0x1F44E};
    if (line.ends_with('.')) return Counter::None;
    bool counted = false;
    bool votes = false;
    bool only_marks = text::for_each_code_point(line, [&](UChar32 c) {
        if (u_isdigit(c)) counted = true;
        else if (std::find(std::begin(kVoteMarks), std::end(kVoteMarks), c) != std::end(kVoteMarks)) votes = true;
        else if (u_charType(c) == U_OTHER_SYMBOL) counted = true;
        else if (c != ' ' && c != ',' && c != '.') return false;
        return true;
    });
    if (!only_marks) return Counter::None;
    return votes ? Counter::Votes : counted ? Counter::Counts : Counter::None;
}

// "The walkthrough is available to sponsors. Become a sponsor to unlock it.": a line
// of two or more sentences, each of them chrome; "Tip from the maintainers: star
// the repo…": a short label over chrome.
bool made_of_chrome_sentences(std::string_view line) {
    constexpr std::size_t kMaxLabelWords = 5;
    // A list item's "name: what it does" is content ("- useSyncExternalStore: Subscribe to external stores").
    if (auto label = split_label(line); label && !is_list_item(line) && !label->second.empty() &&
                                        text::word_count(label->first) <= kMaxLabelWords &&
                                        is_chrome_line(label->second, text::fold(label->second)))
        return true;
    std::vector<std::string_view> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        bool stop = (line[i] == '.' || line[i] == '!' || line[i] == '?') && i + 1 < line.size() && line[i + 1] == ' ';
        if (!stop) continue;
        sentences.push_back(text::trim(line.substr(start, i + 1 - start)));
        start = i + 2;
    }
    if (sentences.empty()) return false;
    sentences.push_back(text::trim(line.substr(std::min(start, line.size()))));
    return std::all_of(sentences.begin(), sentences.end(), [](std::string_view s) {
        return !s.empty() && is_chrome_line(s, text::fold(s));
    });
}

bool is_chrome_line(std::string_view line, std::string_view folded) {
    static const FoldedList kFeedbackWords(kFeedback);
    static const FoldedList kPromptWords(kPrompts);
    // Asking for feedback is chrome though it ends in a question mark; other questions never are.
    const std::size_t words = text::word_count(line);
    bool short_line = words <= kMaxPromptLineWords && !is_list_item(line);
    if (short_line && contains_any(folded, kFeedbackWords)) return true;
    // "Found a mistake? Let us know", "Знайшли помилку?": asking the reader, as the line opens.
    for (std::string_view ask : {"found a mistake", "spotted a mistake", "found an error", "знайшли помилку",
                                 "нашли ошибку", "encontraste un error", "hai trovato un errore"})
        if (short_line && folded.starts_with(ask)) return true;
    if (words > kMaxChromeWords || ends_question(line)) return false;
    // A sort control and its choices: short, no sentence, no clause ("Sort by: start time,
    // then by end time." and "排序：手写快速排序，并分析…" are tasks).
    static const FoldedList kSorts(kSortControls);
    constexpr std::size_t kMaxControlChars = 60;
    bool control_like = words <= kMaxPromptWords && text::code_points(line) <= kMaxControlChars && !is_list_item(line) &&
                        !line.ends_with('.') && line.find("，") == std::string_view::npos;
    auto opens = [&](const FoldedList& list) {
        return std::any_of(list.words().begin(), list.words().end(), [&](const std::string& c) { return folded.starts_with(c); });
    };
    if (control_like && opens(kSorts)) return true;
    static const FoldedList kOpenings(kChromeOpenings);
    if (short_line && !line.ends_with('.') && opens(kOpenings)) return true;  // a sentence is a task
    if (short_line && contains_any(folded, kPromptWords)) return true;
    static const FoldedList kBlurbWords(kSiteBlurbs);
    if (!is_list_item(line) && contains_any(folded, kBlurbWords)) return true;
    if (is_pager(line, folded)) return true;
    // A short line that ends in an arrow is a link to elsewhere: "Try them now →".
    if (words <= kMaxPromptWords && !is_list_item(line) && (line.ends_with("→") || line.ends_with("»")))
        return true;
    static const FoldedList kConsentWords(kConsent);
    static const FoldedList kRights(kRightsReserved);
    static const FoldedList kCtas(kCallsToAction);
    bool cookies = std::any_of(std::begin(kCookieWords), std::end(kCookieWords),
                               [&](std::string_view w) { return folded.find(w) != std::string_view::npos; });
    if (cookies && contains_any(folded, kConsentWords)) return true;
    if (line.find("©") != std::string_view::npos || contains_any(folded, kRights)) return true;
    // "Powered by Atlassian Confluence 8.5.4": a footer's credit, alone on its line.
    constexpr std::size_t kMaxCreditWords = 6;
    for (std::string_view credit : {"powered by ", "printed by "})
        if (folded.starts_with(credit) && words <= kMaxCreditWords && !is_list_item(line)) return true;
    if (folded.starts_with("copyright ") && std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return true;
    // Table rows ("注册 | POST /signup") and list items are content that names these things.
    bool row = line.find('|') != std::string_view::npos;
    if (!is_list_item(line) && !row && words <= kMaxPromptWords)
        for (std::string_view cta : kCtas.words()) {
            // The prompt alone, or asking the reader to act: "Sign up", "Log in to see…",
            // "Subscribe for updates" (not "Upgrade the database in place").
            if (!folded.starts_with(cta)) continue;
            std::string_view rest = text::trim(folded.substr(cta.size()));
            bool latin = is_ascii_alnum(cta.front());
            // "Next: Connection pooling" names a page; "Next: we shard by id." is a step.
            if (cta.ends_with(':') && line.ends_with('.')) continue;
            if (rest.empty() || !latin || cta.ends_with(':') || rest.starts_with("to ") || rest.starts_with("for ") ||
                rest.starts_with("now") || rest.starts_with("free") || rest.starts_with("→") || rest.starts_with("·") ||
                rest.starts_with("|") || rest.starts_with(":") || rest.starts_with("with "))
                return true;
        }
    return is_menu(folded) || made_of_phrases(folded, is_list_item(line)) || made_of_chrome_sentences(line);
}

// The words of a heading line without Markdown marks, a count or a colon:
// "## 12 Comments" -> "comments", "Related questions:" -> "related questions".
std::string heading_words(std::string_view line) {
    std::string_view t = text::trim(line);
    while (t.starts_with('#')) t.remove_prefix(1);
    std::string folded = text::fold(text::trim(t));
    std::string out;
    for (char c : folded)
        if (!(c >= '0' && c <= '9') && c != '(' && c != ')' && c != ':' && c != '*') out += c;
    return std::string(text::trim(out));
}

bool opens_like_sibling(std::string_view words);

bool is_related_heading(std::string_view words) {
    static const FoldedList kList(kRelatedHeadings);
    if (kList.contains(words)) return true;
    // "'면접 준비 > 운영체제' 카테고리의 다른 글": other posts of a blog's category, named last.
    for (std::string_view ending : {"카테고리의 다른 글", "カテゴリーの他の記事", "分类的其他文章"})
        if (words.ends_with(ending)) return true;
    if (text::word_count(words) > kMaxRelatedHeadingWords || words.ends_with('.') || words.ends_with('?')) return false;
    for (std::string_view opening : kRelatedOpenings)
        if (words.starts_with(opening)) return true;
    // "More Staff / Principal questions"; "Other Interview Questions at Acme" names the
    // interviews they come from ("Other possible questions" to ask, "Otras preguntas de
    // concurrencia", are content).
    constexpr std::string_view kQuestionWords[] = {"questions", "problems", "preguntas", "perguntas", "fragen",
                                                   "interviewfragen", "domande", "pytania", "вопросы", "sorular"};
    constexpr std::string_view kFrom[] = {"at", "from", "in", "en", "em", "de", "chez", "bei", "von", "da", "di",
                                          "w", "в"};
    bool listed = std::any_of(std::begin(kQuestionWords), std::end(kQuestionWords),
                              [&](std::string_view w) { return contains_phrase(words, w); });
    constexpr std::string_view kInterviews[] = {"interview", "entrevista", "entretien", "vorstellungsgesprach",
                                                "colloquio", "rekrutacyjne", "собеседования", "mulakat"};
    bool sourced = std::any_of(std::begin(kFrom), std::end(kFrom), [&](std::string_view w) { return contains_phrase(words, w); }) &&
                   std::any_of(std::begin(kInterviews), std::end(kInterviews),
                               [&](std::string_view w) { return words.find(w) != std::string_view::npos; });
    return listed && (words.starts_with("more ") || (opens_like_sibling(words) && sourced));
}

// Openings of a heading over a row of links to sibling pages: "Other Leadership
// Principles", "More in System Design".
constexpr std::string_view kSiblingOpenings[] = {
    "other ", "more ", "otras ", "otros ", "outras ", "outros ", "autres ", "weitere ", "andere ", "altre ",
    "altri ", "inne ", "wiecej ", "другие ", "其他", "更多",
};
constexpr std::size_t kMinRowLinks = 2;  // under an "Other…" heading, two siblings make a row
constexpr std::size_t kMaxRowLinkWords = 6;

bool opens_like_sibling(std::string_view words) {
    return std::any_of(std::begin(kSiblingOpenings), std::end(kSiblingOpenings),
                       [&](std::string_view opening) { return words.starts_with(opening); });
}

bool is_sibling_heading(std::string_view words) {
    if (text::word_count(words) > kMaxRelatedHeadingWords || words.ends_with('.') || words.ends_with('?')) return false;
    return opens_like_sibling(words);
}

// "Customer Obsession · Ownership · Invent and Simplify": two or more short names
// on one line, split by middle dots, bullets or bars.
bool is_link_row(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        std::size_t width = 0;
        if (i == line.size()) width = 1;
        else
            for (std::string_view sep : {" · ", " • ", " | "})
                if (line.substr(i).starts_with(sep)) width = sep.size();
        if (width == 0) continue;
        parts.push_back(text::trim(line.substr(start, i - start)));
        start = i + width;
        i += width - 1;
    }
    // Two cells parted by a bar may be a table's row; two links need a dot or a bullet.
    constexpr std::size_t kMinBarRowLinks = 3;
    if (parts.size() < kMinRowLinks || (parts.size() < kMinBarRowLinks && line.find(" | ") != std::string_view::npos))
        return false;
    return std::all_of(parts.begin(), parts.end(), [](std::string_view part) {
        return !part.empty() && text::word_count(part) <= kMaxRowLinkWords && !part.ends_with('.') &&
               !ends_question(part);
    });
}

bool is_comment_heading(std::string_view words) {
    static const FoldedList kList(kCommentHeadings);
    return kList.contains(words);
}

int markdown_level(std::string_view line) {
    std::size_t hashes = line.find_first_not_of('#');
    if (hashes == 0 || hashes > 6 || hashes == std::string_view::npos || line[hashes] != ' ') return 0;
    return static_cast<int>(hashes);
}

}  // namespace

// "Quillon / Home / Following / Answer / Spaces / Notifications / Search Quillon": a
// column of short links at the top of a page, before its first line of prose, is the
// site's menu when an entry opens it (or follows the site's name) and two of its lines
// name a menu's entry or are chrome already. Skill chips under a title open with none.
void mark_menu_column(const std::vector<std::string_view>& lines, std::vector<bool>& chrome) {
    constexpr std::size_t kMinEntries = 4;
    constexpr std::size_t kMinNamed = 2;
    constexpr std::size_t kMaxNamedEntryWords = 2;
    constexpr std::size_t kMaxEntryWords = 4;
    constexpr std::size_t kMaxEntryChars = 30;
    // A level or a "Key: value" line is the page's metadata, which no menu holds.
    auto entry = [](std::string_view line) {
        return markdown_level(line) == 0 && !is_list_item(line) && text::word_count(line) <= kMaxEntryWords &&
               !schema::parse_level_name(line) && !parse_metadata_line(line) && !line.starts_with("```") &&
               text::code_points(line) <= kMaxEntryChars && !line.ends_with('.') && !line.ends_with(':') &&
               !ends_question(line);
    };
    std::size_t begin = 0;
    while (begin < lines.size()) {
        std::string_view first = text::trim(lines[begin]);
        if (first.empty()) {
            ++begin;
            continue;
        }
        if (!entry(first)) return;  // the first line of prose: what follows is the page's
        std::size_t end = begin;
        // An entry is named by a menu's word standing nearly alone ("Home", "Search Quillon",
        // "Navigation Menu"), not inside a title ("Design a search box").
        auto named = [&](std::size_t i) {
            std::string_view line = text::trim(lines[i]);
            return chrome[i] || (text::word_count(line) <= kMaxNamedEntryWords && contains_any(text::fold(line), phrase_texts()));
        };
        std::size_t names = 0;
        for (; end < lines.size() && !text::trim(lines[end]).empty() && entry(text::trim(lines[end])); ++end)
            names += named(end) ? 1 : 0;
        // A menu opens with an entry, or the site's name over one; chips open with skills.
        if (end - begin >= kMinEntries && names >= kMinNamed && (named(begin) || named(begin + 1)))
            std::fill(chrome.begin() + static_cast<std::ptrdiff_t>(begin), chrome.begin() + static_cast<std::ptrdiff_t>(end), true);
        if (end < lines.size() && !text::trim(lines[end]).empty()) return;  // a longer line ended the run
        begin = end;
    }
}

ChromeCut remove_chrome(std::string_view text) {
    std::vector<std::string_view> lines = text::split_lines(text);
    std::vector<bool> chrome(lines.size(), false);
    std::vector<bool> counts(lines.size(), false);  // counts and marks alone: chrome beside chrome
    CodeFence fence;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = text::trim(lines[i]);
        if (fence.in_code(lines[i]) || line.empty()) continue;
        std::string words = heading_words(line);
        int level = markdown_level(line);
        if (is_related_heading(words)) {
            // The heading and the titles listed under it.
            std::size_t end = i + 1;
            while (end < lines.size()) {
                std::string_view item = text::trim(lines[end]);
                bool title = !item.empty() && markdown_level(item) == 0 && text::word_count(item) <= kMaxRelatedItemWords &&
                             !item.starts_with("```") && !item.starts_with("~~~") &&
                             (is_list_item(item) || !item.ends_with('.')) &&
                             !is_comment_heading(heading_words(item));
                if (!item.empty() && !title) break;
                ++end;
            }
            // A heading alone heads content of its own.
            bool items = false;
            for (std::size_t k = i + 1; k < end; ++k) items = items || !text::trim(lines[k]).empty();
            if (items) {
                std::fill(chrome.begin() + static_cast<std::ptrdiff_t>(i), chrome.begin() + static_cast<std::ptrdiff_t>(end), true);
                for (std::size_t k = i + 1; k < end; ++k) fence.in_code(lines[k]);  // keep the fences in step
                i = end - 1;
            }
            continue;
        }
        if (is_sibling_heading(words)) {
            std::size_t next = i + 1;
            while (next < lines.size() && text::trim(lines[next]).empty()) ++next;
            std::string_view row = next < lines.size() ? text::trim(lines[next]) : std::string_view();
            if (!row.empty() && markdown_level(row) == 0 && is_link_row(row)) {
                std::fill(chrome.begin() + static_cast<std::ptrdiff_t>(i),
                          chrome.begin() + static_cast<std::ptrdiff_t>(next + 1), true);
                i = next;
                continue;
            }
        }
        // "Discussion" on a line of a plain page may head an answer's part; a comment
        // section is a heading, or carries its count ("12 comments", "Comments (3)").
        bool counted = std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (is_comment_heading(words) && !ends_question(line) && (level > 0 || counted)) {
            // To the next heading as high as this one (not one inside code), or the end of the page.
            std::size_t end = i + 1;
            for (; end < lines.size(); ++end) {
                int next = markdown_level(text::trim(lines[end]));
                bool code = fence.in_code(lines[end]);  // a heading line never toggles a fence
                if (!code && next > 0 && (level == 0 || next <= level)) break;
            }
            std::fill(chrome.begin() + static_cast<std::ptrdiff_t>(i), chrome.begin() + static_cast<std::ptrdiff_t>(end), true);
            i = end - 1;
            continue;
        }
        // A value may be a bare count ("Result: 2, 7, 5"); a line may not.
        // A line of prose longer than any chrome is never folded nor tested.
        if (level == 0 && text::word_count(line) <= kMaxChromeWords) {
            std::string folded = text::fold(line);
            Counter counter = counter_line(line);
            counts[i] = counter == Counter::Counts;
            std::string_view prev = i > 0 ? text::trim(lines[i - 1]) : std::string_view();
            std::string_view next = i + 1 < lines.size() ? text::trim(lines[i + 1]) : std::string_view();
            chrome[i] = counter == Counter::Votes || is_tab_row(line, prev, next) || is_post_activity(line, folded) ||
                        is_signed_comment(line, folded) || is_post_header(folded) || is_timeline_event(line, folded) ||
                        is_reading_time(line, folded) || is_count_row(line) || is_chrome_line(line, folded);
        }
    }

    mark_menu_column(lines, chrome);

    // A short line between two lines of chrome is chrome too: "Video walkthrough · 14
    // test cases" between "Unlock the full answer" and "Try it free".
    // Counts ("1,024") and one action word ("Share") go beside a line of chrome; a run
    // of such lines and short labels goes as a whole, so the passes repeat while they
    // find more.
    constexpr int kMaxIslandPasses = 4;
    for (int pass = 0; pass < kMaxIslandPasses; ++pass) {
        std::vector<bool> island(lines.size(), false);
        bool found = false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string_view line = text::trim(lines[i]);
            if (chrome[i] || line.empty() || markdown_level(line) > 0 || ends_question(line) ||
                text::word_count(line) > kMaxPromptLineWords || is_list_item(line))
                continue;
            std::size_t before = i;
            while (before > 0 && text::trim(lines[before - 1]).empty()) --before;
            std::size_t after = i + 1;
            while (after < lines.size() && text::trim(lines[after]).empty()) ++after;
            bool chrome_before = before > 0 && chrome[before - 1];
            bool chrome_after = after < lines.size() && chrome[after];
            island[i] = (chrome_before && chrome_after) ||
                        ((chrome_before || chrome_after) && (counts[i] || is_action_word(text::fold(line))));
            found = found || island[i];
        }
        for (std::size_t i = 0; i < lines.size(); ++i) chrome[i] = chrome[i] || island[i];
        if (!found) break;
    }

    std::size_t last_text = 0;  // the last line that is not blank, found once
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!text::trim(lines[i]).empty()) last_text = i;
    ChromeCut cut;
    CodeFence kept_fence;  // fences are never chrome, so the kept lines alone keep it in step
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!chrome[i]) {
            cut.text += kept_fence.in_code(lines[i]) ? lines[i] : without_vote_arrow(lines[i]);
            if (i + 1 < lines.size()) cut.text += '\n';
            continue;
        }
        std::string block;
        for (; i < lines.size() && (chrome[i] || (text::trim(lines[i]).empty() && i + 1 < lines.size() && chrome[i + 1])); ++i)
            if (!text::trim(lines[i]).empty()) block += (block.empty() ? "" : "\n") + std::string(text::trim(lines[i]));
        cut.removed.push_back({std::move(block), 1, RemovedBlock::Scope::Chrome});
        // Chrome parts the blocks around it: a list of labels above a footer does not
        // run on into what follows the footer.
        bool more = i < lines.size() && i <= last_text;
        if (!cut.text.empty() && !cut.text.ends_with("\n\n") && more) cut.text += '\n';
        if (i < lines.size()) --i;
    }
    return cut;
}

ChromeCut remove_cut_opening(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {std::string(text), {}};
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    auto n = static_cast<int32_t>(line.size());
    int32_t i = 0;
    UChar32 first, second = 0;
    U8_NEXT(s, i, n, first);
    if (i < n) U8_NEXT(s, i, n, second);
    constexpr std::size_t kMinFragmentWords = 3;  // "crlf" or "npm" alone may open a page
    bool more = text.find_first_not_of(" \t\r\n", std::min(end, text.size())) != std::string_view::npos;
    if (first < 0 || !u_islower(first) || u_isupper(second) || u_isdigit(second) || !more ||
        text::word_count(line) < kMinFragmentWords)
        return {std::string(text), {}};
    ChromeCut cut{std::string(text.substr(0, start)) + std::string(text.substr(std::min(end + 1, text.size()))), {}};
    cut.removed.push_back({std::string(line), 1, RemovedBlock::Scope::Chrome});
    return cut;
}

}  // namespace qbank::indexer
