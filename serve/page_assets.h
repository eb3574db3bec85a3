#pragma once
// The search page (serve/page/), compiled into the program.

#include <string_view>

namespace qbank::serve {

struct PageAsset {
    std::string_view path;  // as requested: "/", "/app.js"
    std::string_view content_type;
    std::string_view body;
};

// The asset served at `path`, or nullptr.
const PageAsset* page_asset(std::string_view path);

}  // namespace qbank::serve
