// Paragraphs wrapped at a fixed width -> one line each; everything else as it was.

#include "indexer/hard_wrap.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

TEST(HardWrap, AWrappedParagraphIsOneLineAgain) {
    EXPECT_EQ(unwrap_lines("A tabela encomendas tem cerca de 400 milhões de registos e recebe\n"
                           "milhares de escritas por segundo. A equipa precisa de mudar o nome\n"
                           "da coluna sem perder dados, com as instâncias antigas e as novas a\n"
                           "funcionar ao mesmo tempo?\nNext paragraph."),
              "A tabela encomendas tem cerca de 400 milhões de registos e recebe milhares de escritas por "
              "segundo. A equipa precisa de mudar o nome da coluna sem perder dados, com as instâncias antigas "
              "e as novas a funcionar ao mesmo tempo?\nNext paragraph.");
    // A word hyphenated at the break is whole again.
    EXPECT_EQ(unwrap_lines("The replica applies the changes it receives from the primary in regis-\n"
                           "tration order, one transaction at a time."),
              "The replica applies the changes it receives from the primary in registration order, one "
              "transaction at a time.");
}

TEST(HardWrap, SentencesTitlesChipsListsAndCodeStay) {
    for (std::string text : {
             "This line ends a sentence, so the next line starts a new one.\nand this is not joined to it.",
             "Deprecating a Platform Other Teams Depend On, Step by Step\nkafka\nredis",
             "A long list introduction that does not end a sentence here\n- and a list item below it",
             "    int wrapped_line_of_code_that_is_quite_long_and_has_no_stop = 1\n    and_more(a, b, c);",
             "Short line\nand a lower-case line after it that goes on.",
         })
        EXPECT_EQ(unwrap_lines(text), text) << text;
}

}  // namespace
}  // namespace qbank::indexer
