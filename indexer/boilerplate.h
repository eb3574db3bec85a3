#pragma once
// Removing what a scraper repeated into one page: a site banner pasted before
// every copy of the content, glued to its neighbours or not.
//
// The page is cut into units: sentences (ICU sentence breaks), each line being
// a hard break, plus a break where a sentence is glued to the next with no
// space ("…operational.DowngradedOur…"). Every unit of at least `min_chars`
// code points that occurs two or more times is removed, every copy; text that
// occurs once is kept, and so are headings and code, which repeat by nature
// (fenced, or a line that reads as code: "node = self.map.get(key)", "GROUP BY c.id;").
// Units that always follow each other are reported as one
// block ("banner sentence 1 + 2 + 3, 8 copies"). A line that opens with two copies
// of one text glued together ("…this monthThis question…this month"), which no
// sentence break parts, is a banner too: every copy of it goes, wherever it is glued.
// So do a printed document's running headers and footers: lines that carry a page
// number ("Página 3 de 12", "Page 4 of 12") and recur, their digits aside.
// Nothing is hard-coded.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "indexer/corpus_boilerplate.h"
#include "qbank/record.h"

namespace qbank::indexer {

struct BoilerplateResult {
    std::string text;
    std::vector<RemovedBlock> removed;  // in order of first appearance
};

// Also removes every unit that `corpus` learned (may be null), even if it occurs once.
// `dropped` holds the page's chrome, already taken out (a status banner): a unit
// of `text` also found there is one more copy ("…moved.Degraded performance…").
// With `repeats_are_banners` false (an author's own source, such as Markdown, where
// a sentence written under two questions answers both), units that merely recur
// stay; glued banners, running lines and learned units still go.
BoilerplateResult remove_repeated_blocks(const std::string& text, std::size_t min_chars,
                                         const CorpusBoilerplate* corpus = nullptr,
                                         const std::vector<std::string>& dropped = {},
                                         bool repeats_are_banners = true);

// The distinct units of a page that could be corpus-wide boilerplate, hashed:
// what CorpusBoilerplate::learn counts across pages. Units of fewer than five
// words are left out: short labels such as skill tags recur across pages by nature.
std::vector<std::uint64_t> boilerplate_unit_hashes(const std::string& text, std::size_t min_chars);

}  // namespace qbank::indexer
