#include "indexer/normalize.h"

#include <gtest/gtest.h>

namespace qbank::indexer {
namespace {

struct CleanCase {
    std::string raw;
    std::string expected;
};

TEST(Normalize, CleansCharactersAndLines) {
    const CleanCase cases[] = {
        {"plain", "plain"},
        {"\xEF\xBB\xBFwith BOM", "with BOM"},
        {"crlf\r\nlines\rold mac", "crlf\nlines\nold mac"},
        {"no\u00A0break\u202Fthin\u3000ideographic", "no break thin ideographic"},
        {"zero\u200Bwidth\u2060joiner\uFEFFbom", "zerowidthjoinerbom"},
        {"soft\u00ADhyphen", "softhyphen"},
        {"bell\x07 and\x1B escape", "bell and escape"},
        {"Cafe\u0301", "Café"},  // NFC
        {"emoji 👩\u200D💻 keeps its joiner", "emoji 👩\u200D💻 keeps its joiner"},
        {"trailing   \nspaces\t\n", "trailing\nspaces"},
        {"\n\n\nblank\n\n\n\nruns\n\n", "blank\n\nruns"},
        {"tab\tinside", "tab\tinside"},
        {"C++ and C#", "C++ and C#"},
        {"面试问题", "面试问题"},
    };
    for (const auto& c : cases) {
        NormalizedPage page = normalize_page(c.raw);
        EXPECT_TRUE(page.error.empty()) << c.raw << ": " << page.error;
        EXPECT_EQ(page.text, c.expected) << c.raw;
    }
}

// NFC runs after invisible characters go, so a base and its accent split by one compose.
TEST(Normalize, ComposesAcrossRemovedInvisibles) {
    EXPECT_EQ(normalize_page("caf" "e\u200B\u0301").text, "café");
}

TEST(Normalize, IsIdempotent) {
    const std::string inputs[] = {"a\r\nb\u00A0c\n\n\nd", "Cafe\u0301 \u200B x  \n"};
    for (const std::string& in : inputs) {
        std::string once = normalize_page(in).text;
        EXPECT_EQ(normalize_page(once).text, once);
    }
}

TEST(Normalize, RejectsEmptyFile) {
    NormalizedPage page = normalize_page("");
    EXPECT_EQ(page.error, "empty file");
    EXPECT_EQ(page.error_line, 0u);
}

TEST(Normalize, RejectsWhitespaceOnlyFile) {
    NormalizedPage page = normalize_page(" \n\u200B\n\t");
    EXPECT_EQ(page.error, "no text left after removing blank space and boilerplate");
}

TEST(Normalize, RejectsBinaryWithOffsetAndLine) {
    NormalizedPage page = normalize_page(std::string("line one\nline\0two", 17));
    EXPECT_EQ(page.error, "binary file: NUL byte at offset 13");
    EXPECT_EQ(page.error_line, 2u);
}

TEST(Normalize, RejectsInvalidUtf8WithOffsetAndLine) {
    const std::tuple<std::string, std::string, std::size_t> cases[] = {
        {"ok\nok\nbad \xC3(", "invalid UTF-8 byte 0xC3 at offset 10; save the file as UTF-8", 3},
        {"\xFF", "invalid UTF-8 byte 0xFF at offset 0; save the file as UTF-8", 1},
        {"caf\xE9", "invalid UTF-8 byte 0xE9 at offset 3; save the file as UTF-8", 1},  // Latin-1
        {"\xED\xA0\x80", "invalid UTF-8 byte 0xED at offset 0; save the file as UTF-8", 1},  // surrogate
        {"over\xC0\xAFlong", "invalid UTF-8 byte 0xC0 at offset 4; save the file as UTF-8", 1},
    };
    for (const auto& [raw, message, line] : cases) {
        NormalizedPage page = normalize_page(raw);
        EXPECT_EQ(page.error, message);
        EXPECT_EQ(page.error_line, line);
        EXPECT_TRUE(page.text.empty());
    }
}

// Issue 15: UTF-16 as Windows editors save it is read; without its byte-order mark it is named.
TEST(Normalize, Issue15_Utf16) {
    std::string le("\xFF\xFEW\0h\0y\0?\0", 10);
    std::string be("\xFE\xFF\0W\0h\0y\0?", 10);
    EXPECT_EQ(utf16_as_utf8(le), "Why?");
    EXPECT_EQ(utf16_as_utf8(be), "Why?");
    EXPECT_EQ(utf16_as_utf8("plain"), std::nullopt);
    NormalizedPage bare = normalize_page(std::string("W\0h\0a\0t\0 \0i\0s\0?\0", 16));
    EXPECT_EQ(bare.error, "UTF-16 text without a byte-order mark; save the file as UTF-8");
    NormalizedPage binary = normalize_page(std::string("\x7F" "ELF\0\0\0\x01\x02\x03", 10));
    EXPECT_EQ(binary.error, "binary file: NUL byte at offset 4");
}

// Issue 15: a page of nothing but banners and cookie text is no question.
TEST(Normalize, Issue15_PageOfBannersAlone) {
    NormalizedPage page = normalize_page(
        "We use cookies to improve your experience on our site. Accept all Reject all\n"
        "We use cookies to improve your experience on our site. Accept all Reject all\n"
        "Our video provider is experiencing an outage.\n© 2025 PrepSite. All rights reserved.\n");
    EXPECT_EQ(page.error, "no text left after removing blank space and boilerplate");
    EXPECT_TRUE(page.text.empty());
}

// The same list under two questions of a handbook is the author's: both keep it.
// Saved as text, the same page is a scrape, and its repeats are banners.
TEST(Normalize, MarkdownKeepsWhatItsAuthorRepeated) {
    const std::string items = "1. Getting values in and out of form state\n2. Validation and error messages\n";
    const std::string md = "## What is Formik?\n\n" + items + "\n## What does Formik solve?\n\n" + items;
    NormalizedPage markdown = normalize_page(md, {}, nullptr, Format::Markdown);
    EXPECT_EQ(markdown.text, "## What is Formik?\n\n" + items + "\n## What does Formik solve?\n\n" +
                                 items.substr(0, items.size() - 1));
    EXPECT_TRUE(markdown.removed.empty());
    NormalizedPage text = normalize_page(md, {}, nullptr, Format::Text);
    EXPECT_EQ(text.text.find("Validation"), std::string::npos);
    ASSERT_FALSE(text.removed.empty());
    EXPECT_EQ(text.removed.front().count, 2);
}

}  // namespace
}  // namespace qbank::indexer
