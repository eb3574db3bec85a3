#pragma once
// Site chrome in a page's text, recognized by its words, so that it goes even
// from the only page of a site (corpus-wide boilerplate learning needs many).
// Pure.
//
// Lines: cookie consent ("We use cookies… Accept all"), paywalls and trial
// counters ("You have 2 free questions left this month", "Try it free"), sign-up
// and log-in prompts, navigation menus ("Home Practice Pricing Blog Log in"),
// share buttons and footers ("© 2026 … All rights reserved"). Blocks: a "Related
// questions" heading and the list of titles under it; a comment section, from its
// heading ("12 Comments") to the next heading or the end of the page. In English
// and the other languages of the corpus. Code, questions and long prose lines are
// never chrome.

#include <string>
#include <string_view>
#include <vector>

#include "qbank/record.h"

namespace qbank::indexer {

struct ChromeCut {
    std::string text;
    std::vector<RemovedBlock> removed;  // one per run of removed lines, Scope::Chrome
};

ChromeCut remove_chrome(std::string_view text);

// A scraped text page's first line when the scrape began inside a word or a
// sentence ("ookies to personalise…", "о, поэтому…"): a line of three words or
// more, with text below it, that opens with a lower-case letter that a capital or
// a digit does not follow ("iOS", "eBay", "x86" stay).
ChromeCut remove_cut_opening(std::string_view text);

}  // namespace qbank::indexer
