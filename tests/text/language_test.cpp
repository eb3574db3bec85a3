// A record's language from its path, then from its text.

#include "text/language.h"

#include <gtest/gtest.h>

namespace qbank::text {
namespace {

TEST(LanguageTest, PathsThatNameALanguage) {
    const std::pair<std::string, std::optional<std::string>> rows[] = {
        {"handbook/website/i18n/zh-CN/javascript-questions.md", "zh-CN"},
        {"handbook/website/i18n/es/docusaurus-plugin-content-docs/current/html-questions.md", "es"},
        {"system-design-primer/README-ja.md", "ja"},
        {"system-design-primer/README-zh-Hans.md", "zh-Hans"},
        {"contents/quiz/pt-BR.mdx", "pt-BR"},
        {"contents/quiz/en-US.mdx", "en-US"},
        {"docs/locales/fr/intro.md", "fr"},
        {"docs/es/intro.md", std::nullopt},  // a bare code outside a locale folder may be anything
        {"src/js/array.md", std::nullopt},
        {"notes/README.md", std::nullopt},
        {"notes/arrays-es.md", std::nullopt},
        {"notes/it.md", std::nullopt},  // a page about IT
        {"i18n/it/intro.md", "it"},
        {"", std::nullopt},
    };
    for (const auto& [path, expected] : rows) EXPECT_EQ(language_of_path(path), expected) << path;
}

TEST(LanguageTest, TextsByScriptAndCommonWords) {
    const std::pair<std::string, std::string> rows[] = {
        {"What is the difference between a process and a thread, and how do you choose?", "en"},
        {"¿Qué es un cierre en JavaScript y cómo se usa en la práctica con los eventos?", "es"},
        {"O que é um closure e como você usaria isso para criar dados privados em uma função?", "pt"},
        {"Como você lidaria com um conflito na equipe sobre o formato de um arquivo?", "pt-BR"},
        {"Como lidaria com um conflito na equipa? Você guardaria o ficheiro de registo?", "pt"},
        {"Qu'est-ce qu'une fermeture et pourquoi est-elle utile pour les fonctions de rappel dans le code ?", "fr"},
        {"Was ist der Unterschied zwischen einem Prozess und einem Thread, und wie wählt man aus?", "de"},
        {"Czym jest domknięcie i jak się go używa w kodzie, który jest asynchroniczny?", "pl"},
        {"Ano ang closure at paano ito ginagamit sa mga function sa JavaScript?", "tl"},
        {"什么是闭包？请解释它的用途。", "zh"},
        {"クロージャとは何ですか？使い方を説明してください。", "ja"},
        {"클로저란 무엇인가요? 설명해 주세요.", "ko"},
        {"Что такое замыкание и зачем оно нужно?", "ru"},
        {"מהו closure ולמה הוא שימושי בקוד?", "he"},
        {"کلوژر چیست و چگونه از آن استفاده می‌شود؟", "fa"},
        {"ما هو الإغلاق وكيف يستخدم في البرمجة؟", "ar"},
        {"```\nconst x = 1;\n```", "und"},
        {"", "und"},
    };
    for (const auto& [text, expected] : rows) EXPECT_EQ(language_of_text(text), expected) << text;
}

// A query is short: two different common words of one language tell it, of two
// letters or more, and not when another language has as many. A document is not.
TEST(LanguageTest, ShortQueriesByTwoCommonWords) {
    const std::pair<std::string, std::string> rows[] = {
        {"como usar o formato STAR nas respostas comportamentais", "pt"},
        {"cookies y localStorage", "und"},
        {"la de", "und"},  // Spanish and French
        {"O(n) vs O(log n)", "und"},
        {"ng serve vs ng build", "und"},
        {"jest w/ react testing library", "und"},
        {"OS vs DOS", "und"},
    };
    for (const auto& [text, expected] : rows) EXPECT_EQ(language_of_query(text), expected) << text;
    EXPECT_EQ(language_of_query("como usar nas respostas"), "pt");
    EXPECT_EQ(language_of_text("como usar nas respostas"), "und");
}

TEST(LanguageTest, TagsAreCanonical) {
    EXPECT_EQ(canonical_language_tag("pt_br"), "pt-BR");
    EXPECT_EQ(canonical_language_tag("zh-hans"), "zh-Hans");
    EXPECT_EQ(canonical_language_tag("EN"), "en");
    EXPECT_EQ(canonical_language_tag("es-419"), "es-419");
    EXPECT_EQ(canonical_language_tag("js"), std::nullopt);
    EXPECT_EQ(canonical_language_tag("en-toolong"), std::nullopt);
}

}  // namespace
}  // namespace qbank::text
