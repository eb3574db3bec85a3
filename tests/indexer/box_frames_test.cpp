// Box-drawing frames around a text page's headings come off; diagrams stay.

#include "indexer/box_frames.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

TEST(BoxFramesTest, FramedHeadingsLoseTheirFrame) {
    EXPECT_EQ(unbox_lines("Hi,\n╔══════════╗\n║  QUESTION OF THE WEEK  ║\n╚══════════╝\nTitle"),
              "Hi,\n\nQUESTION OF THE WEEK\n\nTitle");
    EXPECT_EQ(unbox_lines("┌────┐\n│ Step 1 │\n└────┘"), "\nStep 1\n");
    EXPECT_EQ(unbox_lines("Intro\n══════════\nText"), "Intro\n\nText");
}

TEST(BoxFramesTest, DiagramsAndTextStay) {
    for (std::string diagram : {
             "client ──► proxy ──► server\n│ cache │ db\nPlain text.",
             "┌────────┐     ┌────────┐\n│ Client │ ──▶ │ Server │\n└────────┘     └────────┘",
             "┌──────────┐\n│ cache ├──┐\n└──────────┘",
             "┌──┐\nno frame below",
         })
        EXPECT_EQ(unbox_lines(diagram), diagram) << diagram;
}

}  // namespace
}  // namespace qbank::indexer
