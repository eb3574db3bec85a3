#include "indexer/html_nesting.h"

#include <algorithm>
#include <array>
#include <vector>

namespace qbank::indexer {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold others.
bool is_void(std::string_view name) {
    return is_one_of(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                            "source", "track", "wbr"});
}

// Elements whose content is text up to their end tag.
bool is_raw_text(std::string_view name) {
    return is_one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                            "noscript", "plaintext"});
}

// Elements whose end tag may be left out: the next one of their kind closes them.
bool closes_its_kind(std::string_view name) {
    return is_one_of(name, {"p", "li", "dt", "dd", "option", "tr", "td", "th", "rt", "rp"});
}

// An end tag closes the nearest open element of its name among this many; a
// stray end tag is ignored. Bounded so that unmatched end tags stay linear.
constexpr std::size_t kEndTagReach = 64;

struct OpenElement {
    std::string name;
    bool dropped = false;  // its start tag was past max_depth
};

// The end of the tag starting at `lt` (one past its '>'), quotes respected; npos when it never ends.
std::size_t tag_end(std::string_view html, std::size_t lt) {
    char quote = 0;
    for (std::size_t i = lt + 1; i < html.size(); ++i) {
        char c = html[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// Past the end tag of a raw text element `name` that opened before `from`.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
        std::size_t n = 0;
        while (n < name.size() && i + 2 + n < html.size() && lower(html[i + 2 + n]) == name[n]) ++n;
        if (n == name.size()) return i;
    }
    return html.size();
}

}  // namespace

std::string cap_html_nesting(std::string_view html, std::size_t max_depth) {
    std::string out;
    out.reserve(html.size());
    std::vector<OpenElement> open;
    std::size_t depth = 0;  // kept elements open
    std::size_t copied = 0;  // html[0, copied) is decided
    auto drop = [&](std::size_t begin, std::size_t end) {
        out.append(html, copied, begin - copied);
        copied = end;
    };
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string_view::npos) {
        if (html.substr(pos).starts_with("<!--")) {
            std::size_t end = html.find("-->", pos + 4);
            pos = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
        std::size_t name_start = pos + (closing ? 2 : 1);
        if (name_start >= html.size() || !is_letter(html[name_start])) {
            ++pos;  // "<!doctype", "<?xml", "a < b": not an element
            continue;
        }
        std::size_t end = tag_end(html, pos);
        if (end == std::string_view::npos) break;
        std::string name;
        for (std::size_t i = name_start; i < end && std::string_view(" \t\n\f\r/>").find(html[i]) == std::string_view::npos; ++i)
            name += lower(html[i]);
        if (closing) {
            std::size_t reach = std::min(open.size(), kEndTagReach);
            for (std::size_t k = 1; k <= reach; ++k) {
                if (open[open.size() - k].name != name) continue;
                if (open[open.size() - k].dropped) drop(pos, end);
                for (; k > 0; --k) {
                    if (!open.back().dropped) --depth;
                    open.pop_back();
                }
                break;
            }
            pos = end;
            continue;
        }
        bool self_closing = html[end - 2] == '/';
        if (is_raw_text(name)) {
            pos = raw_text_end(html, end, name);
            continue;
        }
        if (is_void(name) || self_closing) {
            pos = end;
            continue;
        }
        if (closes_its_kind(name) && !open.empty() && open.back().name == name) {
            if (!open.back().dropped) --depth;
            open.pop_back();
        }
        bool dropped = depth >= max_depth;
        if (dropped) drop(pos, end);
        else ++depth;
        open.push_back({std::move(name), dropped});
        pos = end;
    }
    out.append(html, copied);
    return out;
}

}  // namespace qbank::indexer
