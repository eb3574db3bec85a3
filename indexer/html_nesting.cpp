#include "indexer/html_nesting.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
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

// The open elements that a start tag `name` closes when their end tag was left
// out, as the HTML parsing rules do: "<li>1<li>2", "<tr><td>a<td>b<tr>…".
bool closes(std::string_view name, std::string_view open) {
    if (open == "p") return !is_one_of(name, {"a", "b", "i", "em", "strong", "span", "code", "small", "sub", "sup",
                                              "br", "img", "kbd", "mark", "q", "s", "u", "abbr", "cite", "label"});
    if (name == "li") return open == "li";
    if (name == "dt" || name == "dd") return open == "dt" || open == "dd";
    if (name == "td" || name == "th") return open == "td" || open == "th";
    if (name == "tr") return is_one_of(open, {"td", "th", "tr"});
    if (name == "option") return open == "option";
    if (name == "rt" || name == "rp") return open == "rt" || open == "rp";
    return false;
}

// SVG and MathML mark empty elements with "/>"; in HTML only void elements are empty.
bool is_foreign(std::string_view name) { return name == "svg" || name == "math"; }

struct OpenElement {
    std::string name;
    bool dropped = false;  // its start tag was past max_depth
};

// The open elements, with a count per name so that an end tag whose element is
// not open costs nothing, and one that is open pops what it closes.
class OpenStack {
public:
    bool empty() const { return stack_.empty(); }
    const OpenElement& top() const { return stack_.back(); }
    std::size_t depth() const { return depth_; }
    bool inside_foreign() const { return foreign_ > 0; }
    void push(std::string name, bool dropped) {
        ++open_[name];
        foreign_ += is_foreign(name) ? 1 : 0;
        depth_ += dropped ? 0 : 1;
        stack_.push_back({std::move(name), dropped});
    }
    void pop() {
        OpenElement& e = stack_.back();
        --open_[e.name];
        foreign_ -= is_foreign(e.name) ? 1 : 0;
        depth_ -= e.dropped ? 0 : 1;
        stack_.pop_back();
    }
    // Closes the nearest open `name` and all above it; whether that one was dropped, or nullopt if none is open.
    std::optional<bool> close(const std::string& name) {
        auto it = open_.find(name);
        if (it == open_.end() || it->second == 0) return std::nullopt;
        while (stack_.back().name != name) pop();
        bool dropped = stack_.back().dropped;
        pop();
        return dropped;
    }

private:
    std::vector<OpenElement> stack_;
    std::unordered_map<std::string, std::size_t> open_;
    std::size_t depth_ = 0;  // kept elements open
    std::size_t foreign_ = 0;
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
    OpenStack open;
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
            if (open.close(name).value_or(false)) drop(pos, end);
            pos = end;
            continue;
        }
        if (is_raw_text(name)) {
            pos = raw_text_end(html, end, name);
            continue;
        }
        bool self_closing = html[end - 2] == '/' && open.inside_foreign();
        if (is_void(name) || self_closing) {
            pos = end;
            continue;
        }
        while (!open.empty() && closes(name, open.top().name)) open.pop();
        bool dropped = open.depth() >= max_depth;
        if (dropped) drop(pos, end);
        open.push(std::move(name), dropped);
        pos = end;
    }
    out.append(html, copied);
    return out;
}

}  // namespace qbank::indexer
