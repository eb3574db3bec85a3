#include "indexer/styled_headings.h"

#include <charconv>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/gumbo_walk.h"
#include "text/utf8_length.h"

namespace qbank::indexer {
namespace {

constexpr double kHeadingRatio = 1.3;
constexpr double kTopHeadingRatio = 1.7;
constexpr std::size_t kMaxHeadingChars = 160;  // a line of prose set large is no heading

// A class's font size and where its rule stands in the page's style sheets: of two
// classes on one element, the later rule wins, as in CSS.
struct ClassSize {
    double points;
    std::size_t order;
};
using ClassSizes = std::map<std::string, ClassSize>;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "font-size:20pt" or "font-size: 16px" in a declaration block -> points; 0 when none.
double font_size(std::string_view declarations) {
    constexpr std::string_view kProperty = "font-size:";
    std::size_t at = declarations.find(kProperty);
    if (at == std::string_view::npos) return 0;
    std::string_view value = trimmed(declarations.substr(at + kProperty.size()));
    double number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc()) return 0;
    std::string_view unit(end, static_cast<std::size_t>(value.data() + value.size() - end));
    constexpr double kPointsPerPixel = 0.75;
    if (unit.starts_with("pt")) return number;
    if (unit.starts_with("px")) return number * kPointsPerPixel;
    return 0;  // em, %, keywords: relative to what the page does not say
}

// Plain class selectors of the page's style sheets with a font size: ".c2{…font-size:20pt…}".
// One pass over each sheet: a rule's selector is what stands between the last "}" or "{"
// and its "{" (so ".c2" inside "@media print {" is read too).
ClassSizes class_sizes(const GumboNode* root) {
    ClassSizes sizes;
    std::size_t order = 0;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_STYLE) return;
        const GumboVector& kids = node->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
            const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
            if (kid->type != GUMBO_NODE_TEXT) continue;
            std::string_view css = kid->v.text.text;
            std::size_t selector_start = 0;
            for (std::size_t at = 0; at < css.size(); ++at) {
                if (css[at] == '}') {
                    selector_start = at + 1;
                    continue;
                }
                if (css[at] != '{') continue;
                std::string_view selector = trimmed(css.substr(selector_start, at - selector_start));
                std::size_t close = css.find_first_of("{}", at + 1);
                if (close == std::string_view::npos) break;
                selector_start = at + 1;
                if (css[close] == '{') continue;  // an at-rule's block: its rules follow
                // ".c2", not "ol.lst-kix_p1-0", ".c1 > li" or ".a,.b".
                if (selector.size() >= 2 && selector.front() == '.' &&
                    selector.find_first_of(" >+~:[,.", 1) == std::string_view::npos)
                    if (double size = font_size(css.substr(at + 1, close - at - 1)); size > 0)
                        sizes[std::string(selector.substr(1))] = {size, order++};
                at = close;
                selector_start = close + 1;
            }
        }
    });
    return sizes;
}

// The font size an element sets itself, by its inline style or its classes; 0 when none.
double own_size(const GumboElement& e, const ClassSizes& sizes) {
    if (const GumboAttribute* style = gumbo_get_attribute(&e.attributes, "style"))
        if (double size = font_size(style->value); size > 0) return size;
    const ClassSize* last = nullptr;
    if (const GumboAttribute* classes = gumbo_get_attribute(&e.attributes, "class")) {
        std::string_view names = classes->value;
        for (std::size_t at = 0; at < names.size();) {
            std::size_t end = std::min(names.find_first_of(" \t\n\r\f", at), names.size());
            if (auto it = sizes.find(std::string(names.substr(at, end - at))); it != sizes.end())
                if (last == nullptr || it->second.order > last->order) last = &it->second;
            at = end + 1;
        }
    }
    return last != nullptr ? last->points : 0;
}

// Calls visit(text, size) for each text below `node`, with the size in force there
// (0 where none is set), until visit returns false.
template <typename Visit>
void for_each_sized_text(const GumboNode* node, const ClassSizes& sizes, Visit visit) {
    std::vector<std::pair<const GumboNode*, double>> pending{{node, 0.0}};
    while (!pending.empty()) {
        auto [n, size] = pending.back();
        pending.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            if (!visit(std::string_view(n->v.text.text), size)) return;
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

bool has_heading_elements(const GumboNode* root) {
    bool found = false;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        GumboTag tag = node->v.element.tag;
        found = found || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3;
    });
    return found;
}

}  // namespace

std::map<const GumboNode*, int> styled_headings(const GumboNode* root) {
    std::map<const GumboNode*, int> headings;
    ClassSizes sizes = class_sizes(root);
    if (sizes.empty() || has_heading_elements(root)) return headings;
    // The body's size: the one most of the page's letters are set in. Text with no size
    // set counts too: where it is most, the page is no editor's export.
    std::map<double, std::size_t> letters;
    for_each_sized_text(root, sizes, [&](std::string_view text, double size) {
        letters[size] += text.size();
        return true;
    });
    double body = 0;
    std::size_t most = 0;
    for (auto [size, count] : letters)
        if (count > most) body = size, most = count;
    if (body <= 0) return headings;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_P) return;
        double smallest = -1;  // the smallest size of the paragraph's text; 0 where none is set
        std::size_t chars = 0;
        for_each_sized_text(node, sizes, [&](std::string_view text, double size) {
            if (text.find_first_not_of(" \n\t") == std::string_view::npos) return true;
            chars += text::code_points(text);
            smallest = smallest < 0 ? size : std::min(smallest, size);
            return chars <= kMaxHeadingChars && smallest >= kHeadingRatio * body;
        });
        if (chars == 0 || chars > kMaxHeadingChars || smallest < kHeadingRatio * body) return;
        headings[node] = smallest >= kTopHeadingRatio * body ? 1 : 2;
    });
    return headings;
}

}  // namespace qbank::indexer
