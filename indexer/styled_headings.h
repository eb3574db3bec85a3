#pragma once
// Headings that only a style sheet makes. A document exported from an editor (Google
// Docs, Word) writes every line as a <p> and sets titles apart by font size, in class
// rules (".c2{font-size:20pt}") or inline styles: a paragraph whose text is all at
// least 1.3 times the size most of the page's text has is a heading.

#include <gumbo.h>

#include <map>

namespace qbank::indexer {

// The paragraphs below `root` (the whole parsed page, <head> and its <style> included)
// that are headings by their font size, with their level: 1 at 1.7 times the body's
// size or more, else 2. Empty when the page has heading elements of its own, or when
// most of its text has no size set.
std::map<const GumboNode*, int> styled_headings(const GumboNode* root);

}  // namespace qbank::indexer
