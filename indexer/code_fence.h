#pragma once
// Markdown code fences (``` or ~~~): lines between them are code, kept as they
// are — never headings, never boilerplate.

#include <string_view>

namespace qbank::indexer {

// Tracks whether the lines fed to it, in order, are inside a fence.
class CodeFence {
public:
    // True when `line` is code or a fence line itself.
    bool in_code(std::string_view line) {
        std::size_t indent = line.find_first_not_of(' ');
        bool fence = indent != std::string_view::npos && indent < 4 &&
                     (line.substr(indent).starts_with("```") || line.substr(indent).starts_with("~~~"));
        if (fence) {
            open_ = !open_;
            return true;
        }
        return open_;
    }

    // Whether the lines fed so far left a fence open.
    bool open() const { return open_; }

private:
    bool open_ = false;
};

}  // namespace qbank::indexer
