// Site chrome recognized by its words, in several languages; content never.

#include "indexer/page_chrome.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

bool removed(std::string_view line) { return remove_chrome(line).text.empty(); }

TEST(PageChromeTest, ChromeLinesGo) {
    for (std::string_view line : {
             "Accept all Reject all Cookie settings",
             "We use cookies to improve your experience. Accept all Reject all Cookie settings",
             "Upgrade You have 2 free questions left this month.",
             "Try it free",
             "Sign up to save your progress",
             "Log in",
             "Unlock the full answer with Premium",
             "Home Practice Questions Pricing Blog Log in",
             "Share on Twitter Share on LinkedIn Copy link",
             "Twitter · LinkedIn · Facebook",
             "© 2026 PrepSite Inc. All rights reserved. Terms · Privacy",
             "Terms · Privacy",
             "Utilizamos cookies para mejorar tu experiencia. Aceptar todas",
             "Wir verwenden Cookies. Alle akzeptieren Alle ablehnen",
             "Zaloguj się",
             "Wszelkie prawa zastrzeżone.",
             "登录 注册",
             "すべて受け入れる",
         })
        EXPECT_TRUE(removed(line)) << line;
}

TEST(PageChromeTest, ContentStays) {
    for (std::string_view line : {
             "What are the differences between cookies, sessionStorage and localStorage?",
             "Cookies are sent with every request; the server sets them with Set-Cookie.",
             "Home",
             "Practice Questions",
             "Questions & Insights",
             "Share your screen and walk through the design.",
             "- Log in to the admin console and rotate the keys.",
             "Sign up flow: the user enters an email, we send a link, and the link logs them in after verification.",
             "Upgrade the database in place, or build a replica and fail over?",
             "Reply within a day to every customer.",
             "- Reddit Blog",
             // Found in review: answer text, not chrome.
             "Upgrade the database in place, then fail over.",
             "Register the service worker before the first fetch",
             "How do you log in to a remote server without a password?",
             "注册 | POST /signup | POST /persons",
             "```",
         })
        EXPECT_FALSE(removed(line)) << line;
}

TEST(PageChromeTest, RelatedListsAndCommentsGoAsBlocks) {
    ChromeCut cut = remove_chrome(
        "# How do you scale a cache?\n\nUse consistent hashing.\n\n## Related questions\n\n- Design a CDN\n"
        "- What is sharding?\nHow do you pick a key?\n\n## Sample Answer\n\nStart with reads.\n\n## 12 Comments\n\n"
        "jdoe · 2 days ago\nGreat answer, thanks!\nReply\n\n## Footer heading\n\nkept");
    EXPECT_EQ(cut.text,
              "# How do you scale a cache?\n\nUse consistent hashing.\n\n## Sample Answer\n\nStart with reads.\n\n"
              "## Footer heading\n\nkept");
    ASSERT_EQ(cut.removed.size(), 2u);
    EXPECT_EQ(cut.removed[0].text, "## Related questions\n- Design a CDN\n- What is sharding?\nHow do you pick a key?");
    EXPECT_EQ(cut.removed[0].scope, RemovedBlock::Scope::Chrome);
    EXPECT_EQ(cut.removed[1].text, "## 12 Comments\njdoe · 2 days ago\nGreat answer, thanks!\nReply");
}

// A scrape begun inside a word or a sentence: its first line goes; "iOS" or "eBay" open a title.
TEST(PageChromeTest, AnOpeningCutMidWordGoes) {
    ChromeCut cut = remove_cut_opening("nlock all questions with Pro. Maybe later\nDeprecating a Platform\n");
    EXPECT_EQ(cut.text, "Deprecating a Platform\n");
    ASSERT_EQ(cut.removed.size(), 1u);
    EXPECT_EQ(cut.removed[0].text, "nlock all questions with Pro. Maybe later");
    EXPECT_EQ(remove_cut_opening("о, поэтому лучше deque.\nСборка мусора\n").text, "Сборка мусора\n");
    for (std::string text : {"iOS memory warnings\nText.", "eBay search design\nText.", "x86 calling conventions\n",
                             "Design a cache\n"})
        EXPECT_EQ(remove_cut_opening(text).text, text) << text;
}

TEST(PageChromeTest, ABackLinkWithAnArrowGoes) {
    EXPECT_EQ(remove_chrome("↩ Back to the question list\n\nQ: Why?\n").text, "\nQ: Why?\n");
}

// "Other …" over one row of sibling pages' names goes; over a list or prose it heads content.
TEST(PageChromeTest, AnOtherHeadingOverARowOfLinksGoes) {
    ChromeCut cut = remove_chrome("Result\nIt shipped.\nOther Leadership Principles\n"
                                  "Customer Obsession · Ownership · Invent and Simplify · Are Right, A Lot\n");
    EXPECT_EQ(cut.text, "Result\nIt shipped.\n");
    ASSERT_EQ(cut.removed.size(), 1u);
    for (std::string text : {"## Other approaches\n\n- Sort first.\n- Use a heap.\n",
                             "## Other approaches\n\nSort first · then scan.\n"})
        EXPECT_EQ(remove_chrome(text).text, text) << text;
}

TEST(PageChromeTest, PlainDiscussionLinesAreNotCommentSections) {
    std::string text = "Answer first.\nDiscussion\nThe trade-off is latency against cost.";
    EXPECT_EQ(remove_chrome(text).text, text);
    std::string fenced = "## Answer\n\nText.\n\n## 2 Comments\n\n```\n# Comments\n```\n\n## Follow-up\n\nMore.";
    EXPECT_EQ(remove_chrome(fenced).text, "## Answer\n\nText.\n\n## Follow-up\n\nMore.");
}

TEST(PageChromeTest, CodeIsNeverChrome) {
    std::string text = "```\nLog in\n© 2026\n```";
    EXPECT_EQ(remove_chrome(text).text, text);
}

// Issue 12: pager links, contribution and sponsor prompts, other-language links,
// feedback after inverted punctuation, status notices.
TEST(PageChromeTest, Issue12_PagerPromptsAndNoticesGo) {
    for (std::string_view line : {
             "Previous: Read replicas", "Next: Connection pooling", "Back to index", "Volver al índice",
             "Found a mistake? Open a pull request", "Masz lepszą odpowiedź? Otwórz pull request",
             "⭐ star the repo to get notified when new questions are added",
             "The video walkthrough for this question is available to sponsors.", "Read this in English",
             "¿Te ha resultado útil?", "Our video provider is experiencing an outage.",
         })
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {
             "Next: we shard by customer id.", "- Open a pull request with the fix and ask for review.",
             "The previous leader steps down when its lease expires.",
         })
        EXPECT_FALSE(removed(line)) << line;
}

// Issue 12: a short line between two lines of chrome goes with them.
TEST(PageChromeTest, Issue12_ShortLineBetweenChromeGoes) {
    EXPECT_EQ(remove_chrome("Answer.\n\nUnlock the full answer with Premium\nVideo walkthrough · 14 test cases\n"
                            "Try it free\n")
                  .text,
              "Answer.\n\n");
    std::string kept = "Unlock the full answer with Premium\nWhy does the cache miss?\nTry it free";
    EXPECT_NE(remove_chrome(kept).text.find("Why does the cache miss?"), std::string::npos);
}

// A Q&A site's vote counts, reputation and sort control go; counts that are a
// value, a list marker or a formula stay.
TEST(PageChromeTest, CountersAndSortControlsGo) {
    for (std::string_view line : {"41 ✓", "▲ 3 ▼", "3,412 ● 2 ● 19 ● 40", "Sorted by:",
                                  "Sorted by: Highest score (default)", "Ordenar por: más votadas"})
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {"Result: 2, 7, 5, 6", "1.", "2 + 2 = 4", "expertise: 1", "3 Answers",
                                  "Sort by key, then by value, to make the output stable."})
        EXPECT_FALSE(removed(line)) << line;
}

// A review site's answer actions and its list of the company's other questions go;
// a list of other questions to ask stays.
TEST(PageChromeTest, AnswerActionsAndSourcedQuestionListsGo) {
    EXPECT_TRUE(removed("Helpful (3) · Reply · Flag"));
    EXPECT_TRUE(removed("Add Answers or Comments"));
    EXPECT_EQ(remove_chrome("Text.\n\n## Other Interview Questions at Harborline\n\n- Design a tracker.\n").text,
              "Text.\n\n");
    std::string kept = "### Other possible questions\n\n- Who are the main users?\n";
    EXPECT_EQ(remove_chrome(kept).text, kept);
}

// Under an "Other…" heading, a row of two sibling links is chrome too.
TEST(PageChromeTest, TwoSiblingLinksUnderOtherHeading) {
    EXPECT_EQ(remove_chrome("Text.\n\n### Other stages of the loop\n\nCoding: a sample question · Values: what we ask\n")
                  .text,
              "Text.\n\n");
}

// A question site asking whether you met the question is feedback, not content.
TEST(PageChromeTest, SeenThisQuestionPromptGoes) {
    EXPECT_TRUE(removed("Seen this question in a real interview before?"));
    EXPECT_TRUE(removed("Were you asked this question? Yes No"));
}

// Chrome in Italian, Russian, Turkish, Vietnamese and Korean: consent, log-in and
// error-report prompts, related-question lists; the same words in prose stay.
TEST(PageChromeTest, ChromeInTheNewLanguages) {
    for (std::string_view line : {
             "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.", "Мы используем файлы cookie. Принять все",
             "Çerezleri kullanıyoruz. Tümünü kabul et", "Войдите, чтобы сохранить прогресс и отмечать изученные вопросы.",
             "Hai trovato un errore? Apri una issue o una pull request.", "This page is part of the premium track.",
             "Trang chủ · Chia sẻ · Đăng nhập",
         })
        EXPECT_TRUE(removed(line)) << line;
    EXPECT_EQ(remove_chrome("Текст.\n\nПохожие вопросы\nЧто такое GIL?\nКак работают weakref?\n").text, "Текст.\n\n");
    for (std::string_view line : {"Куки хранятся в браузере и отправляются с каждым запросом.",
                                  "Trang chủ / Câu hỏi / Java / Fresher",
                                  "Il server accetta tutti i messaggi in ordine e li conferma uno per uno."})
        EXPECT_FALSE(removed(line)) << line;
}

// A newsletter's frame goes; an API's unsubscribe function stays.
TEST(PageChromeTest, NewsletterFrameGoes) {
    for (std::string_view line : {"View in browser", "Sponsored by Latchkey — ship auth in an afternoon.",
                                  "Forward to a friend · Follow us on Mastodon",
                                  "You're receiving this email because you signed up at weeklywhiteboard.dev.",
                                  "Unsubscribe · Update your preferences"})
        EXPECT_TRUE(removed(line)) << line;
    EXPECT_FALSE(removed("- subscribe: Function to subscribe to the store, returns an unsubscribe function"));
}

// A Q&A thread saved as text: the site's blurb, a post's activity lines, signed
// comments, its action words beside other chrome, "Hot Network Questions".
TEST(PageChromeTest, QAThreadChromeGoes) {
    for (std::string_view line : {
             "Interview Prep Stack Exchange is a question and answer site for people preparing for technical interviews. "
             "It only takes a minute to sign up.",
             "Asked 3 days ago", "Viewed 1k times", "answered Jan 5, 2025", "Add a comment",
             "Was this for a Java role specifically? – mtreloar 3 days ago",
             "By clicking \"Post Your Answer\", you agree to our terms of service and acknowledge our privacy policy.",
         })
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {"Share", "\"I tested it by killing the server.\" – Dana, backend engineer",
                                  "Asked about it, the interviewer said 3 days was fine.", "Add a comment explaining why."})
        EXPECT_FALSE(removed(line)) << line;
    EXPECT_EQ(remove_chrome("java\nhashcode\nShare\nImprove this question\nFollow\nasked 3 days ago\n").text,
              "java\nhashcode\n");
    EXPECT_EQ(remove_chrome("Text.\nHot Network Questions\nHow to explain 2PC?\nIs a hint fine?\n").text, "Text.\n");
}

// A wiki's furniture goes: reading time, byline, expand toggles, likes, the credit
// in the footer; a list item naming what a thing does stays, whatever its words.
TEST(PageChromeTest, WikiFurnitureGoesListItemsStay) {
    for (std::string_view line : {"4 min read", "Created by Priya Raman, last modified by Tomasz Wróbel on Feb 11, 2025",
                                  "Click here to expand...", "Be the first to like this", "Write a comment…",
                                  "Powered by Atlassian Confluence 8.5.4", "Report a bug", "12 min de lectura"})
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {"- useSyncExternalStore: Subscribe to external stores",
                                  "- 页面部分：注册表单、圣杯", "- TanStack Start: Full-stack React framework powered by TanStack Router",
                                  "4 minutes is enough to read the whole log."})
        EXPECT_FALSE(removed(line)) << line;
}

// Removed chrome parts the blocks around it.
TEST(PageChromeTest, ChromePartsBlocks) {
    EXPECT_EQ(remove_chrome("postmortems\nWrite a comment…\nAtlassian News\n").text, "postmortems\n\nAtlassian News\n");
}

// Rows of tabs in columns, vote buttons, profile counts, localized answer actions
// and a company's other questions go; a table's header row of three columns and
// a meta line of keys stay.
TEST(PageChromeTest, TabsButtonsCountsAndLocalizedActionsGo) {
    for (std::string_view line : {
             "Resumen   Opiniones   Empleos   Sueldos   Entrevistas   Beneficios", "▲", "☆ 4",
             "8,947 reputation · 2 gold · 31 silver · 60 bronze", "Útil (5) · Responder · Denunciar",
             "Añadir respuestas o comentarios", "Sort answers by: Votes (default) | Oldest | Active",
         })
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {"Operation   Array   Linked list", "Nível: Sénior   Área: Dados   Duração: 40 min",
                                  "3 eggs and 2 cups of flour"})
        EXPECT_FALSE(removed(line)) << line;
    EXPECT_EQ(remove_chrome("Texto.\n\nOtras preguntas de entrevista en Almendra\n- Diseña un acortador.\n").text,
              "Texto.\n\n");
}

// Pagers between questions in Korean, Russian, Italian, Turkish and Vietnamese.
TEST(PageChromeTest, PagersInTheNewLanguages) {
    for (std::string_view line : {"이전 질문: 뮤텍스와 세마포어", "Следующий вопрос: Что такое GIL", "Domanda precedente: Idempotenza",
                                  "Sonraki soru: Docker katmanları", "Câu hỏi tiếp theo: Bean scope"})
        EXPECT_TRUE(removed(line)) << line;
}

// A problem's statistics are a count row; a table header of ordinals is not.
TEST(PageChromeTest, StatisticsRowGoesOrdinalsStay) {
    EXPECT_TRUE(removed("Accepted 96.4K | Submissions 231.8K | Acceptance Rate 41.6%"));
    EXPECT_FALSE(removed("Project 1 | Project 2"));
}

// A column of short links over the page's first prose is the site's menu when two of
// them name menu entries; a title over its skill chips names none, and a column after
// prose is the page's own.
TEST(PageChromeTest, MenuColumnAtTheTopGoes) {
    EXPECT_EQ(remove_chrome("Quillon\nHome\nFollowing\nSpaces\nNotifications\nSearch Quillon\n\n"
                            "What is consistent hashing?\nAnswer text.\n").text,
              "\nWhat is consistent hashing?\nAnswer text.\n");
    std::string chips = "Design a search box\nSystem Design\nSearch\nSenior\n\nHow would you build it?\n";
    EXPECT_EQ(remove_chrome(chips).text, chips);
    std::string after = "The steps, in order:\n\nHome\nSearch\nResults\nCheckout\n";
    EXPECT_EQ(remove_chrome(after).text, after);
    // A title over chips and a level line is no menu, whatever the chips' words.
    std::string chips_level = "Design Twitter\nSearch\nNotifications\nSenior\n\nHow would you design it?\n";
    EXPECT_EQ(remove_chrome(chips_level).text, chips_level);
}

// A link aggregator's chrome: its menu row (tab-separated "login" included), post
// headers of who and when with their links, and the vote arrow before a title.
TEST(PageChromeTest, LinkAggregatorChromeGoes) {
    for (std::string_view line : {"Forge News new | threads | past | comments | ask | show | jobs | submit\tlogin",
                                  "142 points by vkessler 6 hours ago | hide | past | favorite | 87 comments",
                                  "▲\tmrkline 5 hours ago | parent | next [–]"})
        EXPECT_TRUE(removed(line)) << line;
    EXPECT_FALSE(removed("Cached 2 hours ago | Stale after 5 minutes, the reader refetches it."));
    // An issue tracker's timeline: a handle, what it did, when.
    for (std::string_view line : {"mbeaulieu opened this issue on Feb 11 · 3 comments", "mbeaulieu commented on Feb 11",
                                  "dkarl added the sql label 2 days ago"})
        EXPECT_TRUE(removed(line)) << line;
    EXPECT_TRUE(removed("@tkaraoglu tkaraoglu self-assigned this on Feb 12"));
    EXPECT_TRUE(removed("You're receiving notifications because you're watching this repository."));
    EXPECT_TRUE(removed("Знайшли помилку?"));
    EXPECT_EQ(remove_chrome("Text.\n相关推荐\n面试官：线程池怎么配？\n").text, "Text.\n");
    EXPECT_FALSE(removed("The worker opened a transaction on Feb 11 and never closed it."));
    // Found in review: a question, a year for a day, a table's row and a line with a
    // weak menu word and a number are content.
    for (std::string_view line : {"You pushed secrets to GitHub an hour ago. What now?",
                                  "Kubernetes removed dockershim on Dec 2020", "Email 2", "Report 2024",
                                  "You found a mistake in a senior colleague's merged PR. What do you do?"})
        EXPECT_FALSE(removed(line)) << line;
    std::string table = "| Last seen | State |\n|---|---|\n3 days ago | active | keep\n40 days ago | idle | delete\n";
    EXPECT_EQ(remove_chrome(table).text, table);
    EXPECT_EQ(remove_chrome("```\n▲\tTop\n```\n△ ABC and △ DEF are congruent.\n").text,
              "```\n▲\tTop\n```\n△ ABC and △ DEF are congruent.\n");
    EXPECT_FALSE(removed("Workers added in 2024"));
    EXPECT_EQ(remove_chrome("▲\tAsk FN: How would you design a cron?\n▲ 3 ▼\n").text,
              "Ask FN: How would you design a cron?\n");
}

// A reaction with its count is chrome; a Korean blog's post actions and its list of
// the category's other posts go.
TEST(PageChromeTest, ReactionCountsAndKoreanBlogChromeGo) {
    for (std::string_view line : {"Upvote · 212", "공감 12", "Like 3", "구독하기", "이 글 공유하기", "게시글 관리"})
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {"Retry 3 times", "- Share 2 buckets"}) EXPECT_FALSE(removed(line)) << line;
    EXPECT_EQ(remove_chrome("Text.\n'면접 준비 > 운영체제' 카테고리의 다른 글\n[신입 면접] 데드락\n").text, "Text.\n");
}

// Copyright notices of Chinese blogs, and rights reserved in Russian and Italian.
TEST(PageChromeTest, CopyrightNoticesGo) {
    for (std::string_view line : {"版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。",
                                  "© 2025 Хабр. Все права защищены", "Tutti i diritti riservati"})
        EXPECT_TRUE(removed(line)) << line;
}

// A rated company card may name its place; without a rating, or with two names, a
// row of counts and words is content ("3 retries · 2 regions · Postgres").
TEST(PageChromeTest, RatedCardWithItsPlaceGoes) {
    for (std::string_view line : {"4,1 ★ · 312 opiniones · Sede en Valencia", "3.8 ★ | 1.2K reviews | Fintech"})
        EXPECT_TRUE(removed(line)) << line;
    for (std::string_view line : {"3 retries · 2 regions · Postgres", "4,1 ★ · 312 opiniones · Sede en Valencia · Fintech",
                                  "4.5 ★ · Great team"})
        EXPECT_FALSE(removed(line)) << line;
}

// A Chinese Q&A site's post actions, sort control and counts go.
TEST(PageChromeTest, ChineseQASiteChromeGoes) {
    for (std::string_view line : {"关注问题   写回答", "邀请回答", "添加评论", "默认排序", "2,341 人赞同了该回答", "查看全部 42 个回答"})
        EXPECT_TRUE(removed(line)) << line;
    EXPECT_FALSE(removed("先说结论：过期时间解决的是持有锁的客户端挂了的问题。"));
}

// Lines of real answers that look like a site's controls stay: a program's output,
// a write-up's count, a result, a task, a table's header row with its rows, justified
// text, a project's stack, an API's description.
TEST(PageChromeTest, AnswerLinesThatLookLikeControlsStay) {
    for (std::string_view line : {
             "6", "1 1 2 3 5 8 13", "✅", "Asked 3 questions about Kafka", "Input - 2024-01-01T10:00, Output - 2 hours ago",
             "Before 450 | After 120", "Python 3.12 | Node 20.11", "Answer this question using the STAR method.",
             "Design a subscription service with a free and a premium tier.", "Let users report a bug from inside the app.",
             "Find the file last modified by a given user", "设计一个评论系统，每条评论可以被点赞和回复",
             "Sort by: start time, then by end time.", "排序：手写快速排序，并分析时间复杂度", "Built with Go and Postgres",
             "The  leader  sends  heartbeats  to  every  follower",
         })
        EXPECT_FALSE(removed(line)) << line;
    std::string table = "Algorithm    Best    Average    Worst\nQuicksort    n log n    n log n    n^2\n";
    EXPECT_EQ(remove_chrome(table).text, table);
    // Beside chrome, a count is a vote.
    EXPECT_EQ(remove_chrome("Viewed 1k times\n14\nA class overrides equals().\n").text, "A class overrides equals().\n");
    // Headings of a handbook's own lists stay.
    for (std::string_view list : {"## Otras preguntas de concurrencia\n- ¿Qué es un mutex?\n",
                                  "### Other approaches\n\nApproach | Time\n"})
        EXPECT_EQ(remove_chrome(list).text, list) << list;
}

}  // namespace
}  // namespace qbank::indexer
