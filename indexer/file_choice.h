#pragma once
// Which files are pages: a folder of a real repository holds code, data,
// templates and images beside its Markdown, and those are passed over quietly
// (counted as ignored), not reported as errors. Pure.

#include <string_view>

namespace qbank::indexer {

enum class FileChoice {
    Page,     // Markdown, HTML, text or JSON Lines by its extension
    NotPage,  // code, data, templates, styles, images, media, fonts, archives, office files, binaries
    Sniff,    // no extension or an unknown one: read it if its first bytes are text
};

FileChoice choose_by_name(std::string_view path);

// Whether the first bytes of a file are text: no NUL byte and valid UTF-8 but
// for a character cut at the end. A UTF-16 file is not (it has NUL bytes).
bool looks_like_text(std::string_view first_bytes);

}  // namespace qbank::indexer
