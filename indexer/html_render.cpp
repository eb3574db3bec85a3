#include "indexer/html_render.h"

#include <gumbo.h>

#include <memory>

namespace qbank::indexer {
namespace {

using Output = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

Output parse(std::string_view html) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    return Output(out, [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
}

const char* attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a == nullptr ? nullptr : a->value;
}

bool equals(const char* value, std::string_view expected) { return value != nullptr && expected == value; }

// Page chrome and things that are not text.
bool is_dropped(const GumboElement& e, bool inside_content) {
    switch (e.tag) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
            return true;
        case GUMBO_TAG_HEADER:
            return !inside_content;  // an article's own header holds its title
        default: break;
    }
    if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
    if (equals(attribute(e, "aria-hidden"), "true")) return true;
    const char* role = attribute(e, "role");
    for (std::string_view chrome : {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
        if (equals(role, chrome)) return true;
    return false;
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
        case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_CAPTION:
            return true;
        default: return false;
    }
}

int heading_level(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_H1: return 1;
        case GUMBO_TAG_H2: return 2;
        case GUMBO_TAG_H3: return 3;
        case GUMBO_TAG_H4: return 4;
        case GUMBO_TAG_H5: return 5;
        case GUMBO_TAG_H6: return 6;
        default: return 0;
    }
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag, int* count) {
    if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboElement& e = node->v.element;
    const GumboNode* found = nullptr;
    if (e.tag == tag) {
        ++*count;
        found = node;
    }
    for (unsigned i = 0; i < e.children.length; ++i) {
        const GumboNode* inner = find_first(static_cast<const GumboNode*>(e.children.data[i]), tag, count);
        if (found == nullptr) found = inner;
    }
    return found;
}

const GumboNode* find_body(const GumboNode* root) {
    int count = 0;
    const GumboNode* body = find_first(root, GUMBO_TAG_BODY, &count);
    return body != nullptr ? body : root;
}

class TextWriter {
public:
    // Text of inline content, with HTML's white space rules: runs collapse to one space.
    void text(std::string_view s) {
        for (char c : s) {
            bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
            if (space) {
                pending_space_ = !line_.empty();
            } else {
                if (pending_space_) line_ += ' ';
                pending_space_ = false;
                line_ += c;
            }
        }
    }
    void cell_break() {
        if (!line_.empty()) line_ += " | ";
        pending_space_ = false;
    }
    void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }
    void end_line() {
        while (line_.ends_with(" | ")) line_.resize(line_.size() - 3);
        if (!line_.empty()) {
            out_ += prefix_;
            out_ += line_;
            out_ += '\n';
        }
        line_.clear();
        prefix_.clear();
        pending_space_ = false;
    }
    void blank_line() {
        end_line();
        if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
    }
    void raw_block(std::string_view fence, std::string_view body) {
        blank_line();
        out_ += fence;
        out_ += '\n';
        out_ += body;
        if (!body.ends_with('\n')) out_ += '\n';
        out_ += fence;
        out_ += "\n\n";
    }
    std::string take() {
        end_line();
        return std::move(out_);
    }

private:
    std::string out_;
    std::string line_;
    std::string prefix_;
    bool pending_space_ = false;
};

// The raw text below a node, white space as written (for <pre>).
void raw_text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
        if (node->v.element.tag == GUMBO_TAG_BR) out += '\n';
        for (unsigned i = 0; i < node->v.element.children.length; ++i)
            raw_text(static_cast<const GumboNode*>(node->v.element.children.data[i]), out);
    }
}

class Renderer {
public:
    explicit Renderer(bool inside_content) : inside_content_(inside_content) {}

    void walk(const GumboNode* node) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA: writer_.text(node->v.text.text); return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: element(node); return;
            default: return;  // comments, the document node
        }
    }

    std::string take() { return writer_.take(); }

private:
    void children(const GumboNode* node) {
        const GumboVector& kids = node->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]));
    }

    void element(const GumboNode* node) {
        const GumboElement& e = node->v.element;
        if (is_dropped(e, inside_content_)) return;
        bool was_inside = inside_content_;
        if (e.tag == GUMBO_TAG_MAIN || e.tag == GUMBO_TAG_ARTICLE) inside_content_ = true;
        if (int level = heading_level(e.tag)) {
            writer_.blank_line();
            writer_.set_prefix(std::string(static_cast<std::size_t>(level), '#') + " ");
            children(node);
            writer_.blank_line();
        } else if (e.tag == GUMBO_TAG_PRE) {
            std::string body;
            raw_text(node, body);
            writer_.raw_block("```", body);
        } else if (e.tag == GUMBO_TAG_LI) {
            writer_.end_line();
            writer_.set_prefix(std::string(2 * list_depth_, ' ') + "- ");
            ++list_depth_;
            children(node);
            --list_depth_;
            writer_.end_line();
        } else if (e.tag == GUMBO_TAG_BR) {
            writer_.end_line();
        } else if (e.tag == GUMBO_TAG_TR) {
            writer_.end_line();
            children(node);
            writer_.end_line();
        } else if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) {
            children(node);
            writer_.cell_break();
        } else if (is_block(e.tag)) {
            writer_.blank_line();
            children(node);
            writer_.blank_line();
        } else {
            children(node);
        }
        inside_content_ = was_inside;
    }

    TextWriter writer_;
    bool inside_content_;
    std::size_t list_depth_ = 0;
};

std::string title_of(const GumboNode* root) {
    int count = 0;
    const GumboNode* title = find_first(root, GUMBO_TAG_TITLE, &count);
    if (title == nullptr) return {};
    std::string text;
    raw_text(title, text);
    TextWriter w;
    w.text(text);
    std::string line = w.take();
    while (line.ends_with('\n')) line.pop_back();
    return line;
}

}  // namespace

std::string render_html(std::string_view html) {
    Output out = parse(html);
    const GumboNode* root = out->root;
    int mains = 0;
    int articles = 0;
    const GumboNode* main = find_first(root, GUMBO_TAG_MAIN, &mains);
    const GumboNode* article = find_first(root, GUMBO_TAG_ARTICLE, &articles);
    // A page that marks its content is read from there; several articles are a list page.
    const GumboNode* content = main != nullptr ? main : articles == 1 ? article : find_body(root);
    Renderer renderer(content != find_body(root));
    renderer.walk(content);
    std::string text = renderer.take();
    int h1 = 0;
    find_first(content, GUMBO_TAG_H1, &h1);
    if (h1 == 0) {
        // The page's <title> names it when its content has no top heading.
        if (std::string title = title_of(root); !title.empty()) text = "# " + title + "\n\n" + text;
    }
    return text;
}

std::string html_fragment_text(std::string_view html) {
    Output out = parse(html);
    Renderer renderer(true);
    renderer.walk(find_body(out->root));
    std::string text = renderer.take();
    while (text.ends_with('\n')) text.pop_back();
    return text;
}

}  // namespace qbank::indexer
