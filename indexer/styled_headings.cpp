#include "indexer/styled_headings.h"

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/gumbo_walk.h"

namespace qbank::indexer {
namespace {

constexpr double kHeadingRatio = 1.3;
constexpr double kTopHeadingRatio = 1.7;
constexpr std::size_t kMaxHeadingChars = 160;  // a line of prose set large is no heading

// "font-size:20pt" or "font-size: 16px" in a declaration block -> points; 0 when none.
double font_size(std::string_view declarations) {
    constexpr std::string_view kProperty = "font-size:";
    std::size_t at = declarations.find(kProperty);
    if (at == std::string_view::npos) return 0;
    std::string_view value = declarations.substr(at + kProperty.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    double number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc()) return 0;
    std::string_view unit(end, static_cast<std::size_t>(value.data() + value.size() - end));
    constexpr double kPointsPerPixel = 0.75;
    if (unit.starts_with("pt")) return number;
    if (unit.starts_with("px")) return number * kPointsPerPixel;
    return 0;  // em, %, keywords: relative to what the page does not say
}

// Class selectors of the page's style sheets with a font size: ".c2{…font-size:20pt…}".
std::map<std::string, double> class_sizes(const GumboNode* root) {
    std::map<std::string, double> sizes;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_STYLE) return;
        const GumboVector& kids = node->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
            const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
            if (kid->type != GUMBO_NODE_TEXT) continue;
            std::string_view css = kid->v.text.text;
            for (std::size_t open = css.find('{'); open != std::string_view::npos; open = css.find('{', open + 1)) {
                std::size_t close = css.find('}', open);
                if (close == std::string_view::npos) break;
                std::size_t start = css.rfind('}', open);
                std::string_view selector = css.substr(start == std::string_view::npos ? 0 : start + 1,
                                                       open - (start == std::string_view::npos ? 0 : start + 1));
                while (!selector.empty() && (selector.front() == ' ' || selector.front() == '\n')) selector.remove_prefix(1);
                while (!selector.empty() && (selector.back() == ' ' || selector.back() == '\n')) selector.remove_suffix(1);
                // A plain class selector only: ".c2", not "ol.lst-kix_p1-0" or ".c1 > li".
                if (selector.size() < 2 || selector.front() != '.' ||
                    selector.find_first_of(" >+~:[,.", 1) != std::string_view::npos)
                    continue;
                if (double size = font_size(css.substr(open + 1, close - open - 1)); size > 0)
                    sizes[std::string(selector.substr(1))] = size;
            }
        }
    });
    return sizes;
}

// The font size an element sets itself, by its inline style or its classes; 0 when none.
double own_size(const GumboElement& e, const std::map<std::string, double>& sizes) {
    if (const GumboAttribute* style = gumbo_get_attribute(&e.attributes, "style"))
        if (double size = font_size(style->value); size > 0) return size;
    double size = 0;
    if (const GumboAttribute* classes = gumbo_get_attribute(&e.attributes, "class")) {
        std::string_view names = classes->value;
        for (std::size_t at = 0; at < names.size();) {
            std::size_t end = std::min(names.find(' ', at), names.size());
            if (auto it = sizes.find(std::string(names.substr(at, end - at))); it != sizes.end()) size = it->second;
            at = end + 1;
        }
    }
    return size;
}

// Calls visit(text, size) for each text below `node`, with the size in force there
// (`inherited` at `node`).
template <typename Visit>
void for_each_sized_text(const GumboNode* node, double inherited, const std::map<std::string, double>& sizes,
                         Visit visit) {
    std::vector<std::pair<const GumboNode*, double>> pending{{node, inherited}};
    while (!pending.empty()) {
        auto [n, size] = pending.back();
        pending.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            visit(std::string_view(n->v.text.text), size);
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag == GUMBO_TAG_STYLE || n->v.element.tag == GUMBO_TAG_SCRIPT)
            continue;
        double own = own_size(n->v.element, sizes);
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i-- > 0;)
            pending.emplace_back(static_cast<const GumboNode*>(kids.data[i]), own > 0 ? own : size);
    }
}

}  // namespace

std::map<const GumboNode*, int> styled_headings(const GumboNode* root) {
    std::map<std::string, double> sizes = class_sizes(root);
    // The body's size: the one most of the page's letters are set in.
    std::map<double, std::size_t> letters;
    for_each_sized_text(root, 0, sizes, [&](std::string_view text, double size) { letters[size] += text.size(); });
    double body = 0;
    std::size_t most = 0;
    for (auto [size, count] : letters)
        if (size > 0 && count > most) body = size, most = count;
    std::map<const GumboNode*, int> headings;
    if (body <= 0) return headings;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_P) return;
        double smallest = -1;  // the smallest size of the paragraph's text; 0 where none is set
        std::size_t chars = 0;
        for_each_sized_text(node, 0, sizes, [&](std::string_view text, double size) {
            if (text.find_first_not_of(" \n\t") == std::string_view::npos) return;
            chars += text.size();
            smallest = smallest < 0 ? size : std::min(smallest, size);
        });
        if (chars == 0 || chars > kMaxHeadingChars || smallest < kHeadingRatio * body) return;
        headings[node] = smallest >= kTopHeadingRatio * body ? 1 : 2;
    });
    return headings;
}

}  // namespace qbank::indexer
