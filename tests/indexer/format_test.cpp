// Which reader a file gets: by extension, else by its first bytes.

#include "qbank/format.h"

#include <gtest/gtest.h>

namespace qbank {
namespace {

TEST(FormatTest, ByExtension) {
    EXPECT_EQ(detect_format("book/README.md", "{\"a\":1}\n"), Format::Markdown);
    EXPECT_EQ(detect_format("quiz/en-US.MDX", ""), Format::Markdown);
    EXPECT_EQ(detect_format("saved/page.htm", "plain"), Format::Html);
    EXPECT_EQ(detect_format("export.jsonl", "<html>"), Format::JsonLines);
    EXPECT_EQ(detect_format("export.ndjson", ""), Format::JsonLines);
}

TEST(FormatTest, ByContent) {
    EXPECT_EQ(detect_format("page", "\xEF\xBB\xBF\n  <!DOCTYPE html><html>"), Format::Html);
    EXPECT_EQ(detect_format("page.txt", "<!-- saved --><html lang=en>"), Format::Html);
    EXPECT_EQ(detect_format("dump", "{\"title\": \"x\"}\n{\"title\": \"y\"}\n"), Format::JsonLines);
    EXPECT_EQ(detect_format("dump", "{\"title\": \"x\"}"), Format::JsonLines);
    EXPECT_EQ(detect_format("page.txt", "{not json}\n"), Format::Text);
    EXPECT_EQ(detect_format("page.txt", "# How do you scale?\n<html> is a tag"), Format::Text);
    EXPECT_EQ(detect_format("LICENSE", "MIT License"), Format::Text);
}

TEST(FormatTest, Names) {
    for (Format f : {Format::Auto, Format::Text, Format::Markdown, Format::Html, Format::JsonLines})
        EXPECT_EQ(format_from_string(to_string(f)), f);
    EXPECT_EQ(format_from_string("md"), std::nullopt);
}

}  // namespace
}  // namespace qbank
