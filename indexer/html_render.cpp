#include "indexer/html_render.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "indexer/gumbo_walk.h"
#include "indexer/html_nesting.h"
#include "indexer/page_metadata.h"
#include "indexer/styled_headings.h"
#include "text/sentences.h"
#include "text/split_lines.h"
#include "text/trim.h"
#include "text/word_count.h"

namespace qbank::indexer {
namespace {

// Parse errors are not recorded: each copies the stack of open elements, so a
// page of 40,000 unclosed tags would need gigabytes for errors nobody reads.
const GumboOptions kOptions = [] {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    return options;
}();

// A parse tree and the markup it points into.
class Parsed {
public:
    explicit Parsed(std::string_view html)
        : html_(cap_html_nesting(html)),
          output_(gumbo_parse_with_options(&kOptions, html_.data(), html_.size()),
                  [](GumboOutput* o) { gumbo_destroy_output(&kOptions, o); }) {}

    const GumboNode* root() const { return output_->root; }

private:
    std::string html_;
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output_;
};

const char* attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a == nullptr ? nullptr : a->value;
}

bool equals(const char* value, std::string_view expected) { return value != nullptr && expected == value; }

// Appends the lower-case ASCII words of a name ("share-buttons col" -> share, buttons, col) to `words`.
void add_lower_words(std::string_view name, std::vector<std::string>& words) {
    std::string word;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        char c = i < name.size() ? name[i] : '\0';
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
}

// The lower-case words of attributes' values.
std::vector<std::string> attribute_words(const GumboElement& e, std::initializer_list<const char*> attributes) {
    std::vector<std::string> words;
    for (const char* attribute_name : attributes)
        if (const char* name = attribute(e, attribute_name)) add_lower_words(name, words);
    return words;
}

// The words of an element's class, id and ARIA label: what names it.
std::vector<std::string> name_words(const GumboElement& e) { return attribute_words(e, {"class", "id", "aria-label"}); }

// The last word of each class and id that is not a widget's ("topic-category" a category,
// "level-badge" a level, "difficulty-tag" a difficulty, "badge-category__name" a category,
// "topic-meta-data" data): what a compound name names.
std::vector<std::string> name_heads(const GumboElement& e) {
    constexpr std::string_view kWidgets[] = {"badge", "chip", "pill", "tag", "indicator", "icon", "label", "name",
                                             "value", "text", "wrapper", "wrap", "container", "box", "inner", "link"};
    auto widget = [&](const std::string& word) {
        return std::find(std::begin(kWidgets), std::end(kWidgets), word) != std::end(kWidgets);
    };
    std::vector<std::string> heads;
    for (const char* attribute_name : {"class", "id"}) {
        const char* value = attribute(e, attribute_name);
        if (value == nullptr) continue;
        std::string_view names = value;
        for (std::size_t at = 0; at < names.size();) {
            std::size_t end = std::min(names.find_first_of(" \t\n\r\f", at), names.size());
            std::vector<std::string> words;
            add_lower_words(names.substr(at, end - at), words);
            auto head = std::find_if(words.rbegin(), words.rend(), [&](const std::string& w) { return !widget(w); });
            if (head != words.rend()) heads.push_back(std::move(*head));
            at = end + 1;
        }
    }
    return heads;
}

bool names_any(const std::vector<std::string>& words, std::initializer_list<std::string_view> names) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(names.begin(), names.end(), w) != names.end();
    });
}

// Marks that part a path's links, and those that part any list's items.
constexpr std::string_view kPathMarks[] = {"›", "»", ">", "/", "→"};
constexpr std::string_view kListMarks[] = {"›", "»", ">", "/", "→", "|", "·", "•", ",", "、"};

// Whether `text` holds only white space and whole `marks` ("›", not a byte of it).
template <std::size_t N>
bool only_marks(std::string_view text, const std::string_view (&marks)[N]) {
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
            ++i;
            continue;
        }
        const std::string_view* mark = std::find_if(std::begin(marks), std::end(marks),
                                                    [&](std::string_view m) { return text.substr(i).starts_with(m); });
        if (mark == std::end(marks)) return false;
        i += mark->size();
    }
    return true;
}

// <nav><a>Accueil</a> › <a>Questions</a> › <a>Node.js</a></nav>: links parted by path
// separators and nothing else, whatever the element's name.
bool links_a_path(const GumboElement& e) {
    // A paragraph citing two sources ("RFC 7231 / RFC 9110") is text.
    if (e.tag != GUMBO_TAG_NAV && e.tag != GUMBO_TAG_DIV && e.tag != GUMBO_TAG_OL && e.tag != GUMBO_TAG_UL) return false;
    std::size_t links = 0;
    bool separator = false;
    for (unsigned i = 0; i < e.children.length; ++i) {
        const auto* kid = static_cast<const GumboNode*>(e.children.data[i]);
        if (kid->type == GUMBO_NODE_ELEMENT && kid->v.element.tag == GUMBO_TAG_A) {
            ++links;
        } else if (kid->type == GUMBO_NODE_TEXT) {
            std::string_view text = kid->v.text.text;
            if (!only_marks(text, kPathMarks)) return false;
            separator = separator || text.find_first_not_of(" \n\t") != std::string_view::npos;
        } else if (kid->type != GUMBO_NODE_WHITESPACE && kid->type != GUMBO_NODE_COMMENT) {
            return false;
        }
    }
    constexpr std::size_t kMinPathLinks = 2;
    return links >= kMinPathLinks && separator;
}

bool is_breadcrumb(const GumboElement& e) {
    const char* type = attribute(e, "itemtype");
    return names_any(name_words(e), {"breadcrumb", "breadcrumbs", "crumbs", "ariane", "migas", "brotkrumen",
                                     "okruszki"}) ||
           (type != nullptr && std::string_view(type).ends_with("BreadcrumbList")) || links_a_path(e);
}

bool is_badge(const GumboElement& e) {
    return names_any(name_words(e), {"badge", "chip", "pill", "tag", "label"});
}

// A list of skill chips: <div class="tags"><a>SQL</a><a>Indexing</a></div>, or
// any element whose children are all chips: <div><span class="chip">SQL</span>…</div>.
bool is_chip_list(const GumboElement& e) {
    std::vector<std::string> words = name_words(e);
    bool tag_list = names_any(words, {"tag", "chip", "skill"}) && names_any(words, {"list", "group", "row"});
    if (tag_list || names_any(words, {"tags", "chips", "badges", "skills", "topics", "taglist", "keywords", "pills"}))
        return true;
    std::size_t chips = 0;
    for (unsigned i = 0; i < e.children.length; ++i) {
        const auto* kid = static_cast<const GumboNode*>(e.children.data[i]);
        if (kid->type == GUMBO_NODE_WHITESPACE || kid->type == GUMBO_NODE_COMMENT) continue;
        if (kid->type != GUMBO_NODE_ELEMENT || !names_any(name_words(kid->v.element), {"chip", "tag", "pill"}))
            return false;
        ++chips;
    }
    return chips >= 2;
}

enum class Drop { Keep, NotText, Chrome };

// Page chrome and things that are not text. Chrome is named by its element, its
// ARIA role, or the words of its class and id, as readers such as Readability do.
Drop drop_kind(const GumboElement& e, bool inside_content) {
    switch (e.tag) {
        case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_CANVAS: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
            return Drop::NotText;
        case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
            return is_breadcrumb(e) ? Drop::Keep : Drop::Chrome;
        case GUMBO_TAG_HEADER:
            return inside_content ? Drop::Keep : Drop::Chrome;  // an article's own header holds its title
        default: break;
    }
    if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return Drop::NotText;
    if (equals(attribute(e, "aria-hidden"), "true")) return Drop::NotText;
    // schema.org counters of a Q&A post (votes), which read as a bare number.
    if (names_any(attribute_words(e, {"itemprop"}), {"upvotecount", "downvotecount"})) return Drop::NotText;
    if (is_breadcrumb(e)) return Drop::Keep;
    const char* role = attribute(e, "role");
    for (std::string_view chrome : {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
        if (equals(role, chrome)) return Drop::Chrome;
    if (names_any(name_words(e), {"cookie", "cookies", "consent", "gdpr", "paywall", "share", "sharing", "social",
                                  "newsletter", "signup", "login", "modal", "popup", "ad", "ads", "advert",
                                  "advertisement", "sponsor", "sponsored", "promo", "upsell", "related", "comment",
                                  "comments", "disqus", "footer", "sidebar", "menu", "navbar", "nav", "pagination",
                                  "pager", "prev", "previous", "suggestions", "suggested", "recommended",
                                  "recommendations", "partage", "compartilhar", "compartir", "teilen",
                                  "topbar", "topnav", "masthead", "toolbar", "navigation",
                                  "banner", "vote", "votes", "voting", "byline", "toc", "editsection", "jump",
                                  "skip", "skiplink"}))
        return Drop::Chrome;
    // A call to action is a box of its own ("Practise this answer with a coach… Book
    // now"); inline, it is one link of a menu whose row is read as a whole.
    if ((e.tag == GUMBO_TAG_DIV || e.tag == GUMBO_TAG_SECTION) && names_any(name_words(e), {"cta", "calltoaction"}))
        return Drop::Chrome;
    return Drop::Keep;
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
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

const GumboNode* find_first(const GumboNode* root, GumboTag tag, int* count) {
    const GumboNode* found = nullptr;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != tag) return;
        ++*count;
        if (found == nullptr) found = node;
    });
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
    bool in_line() const { return !line_.empty(); }
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
void raw_text(const GumboNode* root, std::string& out) {
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA)
            out += node->v.text.text;
        else if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BR)
            out += '\n';
    });
}

// The texts below a node, each with its spaces collapsed, joined by `separator`;
// texts that are only a separator ("/", "›", ",") are left out.
std::string join_texts(const GumboNode* root, std::string_view separator) {
    std::string out;
    for_each_node(root, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_TEXT && node->type != GUMBO_NODE_CDATA) return;
        TextWriter w;
        w.text(node->v.text.text);
        std::string text = w.take();
        while (text.ends_with('\n')) text.pop_back();
        if (text.empty() || only_marks(text, kListMarks)) return;
        if (!out.empty()) out += separator;
        out += text;
    });
    return out;
}

// "Tags: SQL, Indexing": the chips' texts without their label ("Skills:").
std::string chip_line(const GumboNode* root) {
    std::string chips = join_texts(root, ", ");
    // One text that says its own label: "Tags: Bash, Processes", "标签：MySQL".
    if (auto label = split_label(chips); label && is_metadata_key(label->first)) chips = std::string(label->second);
    std::string out;
    std::size_t start = 0;
    while (start <= chips.size()) {
        std::size_t end = chips.find(", ", start);
        if (end == std::string::npos) end = chips.size();
        std::string_view chip = std::string_view(chips).substr(start, end - start);
        // A label of its own: "Skills:", or "Tags" alone.
        if (!chip.empty() && !chip.ends_with(':') && !chip.ends_with("：") && !is_metadata_key(chip))
            out += (out.empty() ? "" : ", ") + std::string(chip);
        start = end + 2;
    }
    return out.empty() ? out : "Tags: " + out;
}

// "Category: Behavioral" for a block whose class or id names a metadata key and
// whose text is short, and says no key of its own.
std::optional<std::string> keyed_value(const GumboNode* node) {
    constexpr std::size_t kMaxValueBytes = 80;
    const GumboTag tag = node->v.element.tag;
    // A badge named for its key (<span class="badge-category">), alone in its parent and
    // outside prose, is one too; badges side by side are read together as one meta line.
    const GumboNode* parent = node->parent;
    // (A link alone in a list item is one of a list of links: "Frontend", "Backend", ….)
    bool alone = parent != nullptr && parent->type == GUMBO_NODE_ELEMENT && parent->v.element.tag != GUMBO_TAG_P &&
                 parent->v.element.tag != GUMBO_TAG_LI && heading_level(parent->v.element.tag) == 0;
    for (unsigned i = 0; alone && i < parent->v.element.children.length; ++i) {
        const auto* kid = static_cast<const GumboNode*>(parent->v.element.children.data[i]);
        alone = kid == node || kid->type == GUMBO_NODE_WHITESPACE || kid->type == GUMBO_NODE_COMMENT;
    }
    bool badge = (tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_A) && alone;
    if (!is_block(tag) && tag != GUMBO_TAG_LI && !badge) return std::nullopt;
    std::optional<std::string> key;
    for (const std::string& word : name_heads(node->v.element))
        if (is_metadata_key(word)) {
            key = word;
            break;
        }
    if (!key) return std::nullopt;
    std::string text = join_texts(node, " · ");
    if (text.empty() || text.size() > kMaxValueBytes || split_label(text)) return std::nullopt;
    // A badge names the page's category or level; chips, one by one, are read as a list.
    if (badge) {
        auto meta = parse_metadata_line(*key + ": " + text);
        if (!meta || !(meta->category || meta->level)) return std::nullopt;
    }
    // A block holding a chip list holds more than one value: its parts are read one by one.
    bool holds_chips = false;
    for_each_node(node, [&](const GumboNode* n) {
        holds_chips = holds_chips || (n != node && n->type == GUMBO_NODE_ELEMENT && is_chip_list(n->v.element));
    });
    if (holds_chips) return std::nullopt;
    (*key)[0] = static_cast<char>((*key)[0] - 'a' + 'A');
    return *key + ": " + text;
}

// <tr><th>Tags</th><td>SQL, Indexing</td></tr>: a key and its value.
bool labels_its_row(const GumboNode* th) {
    const GumboNode* row = th->parent;
    if (row == nullptr || row->type != GUMBO_NODE_ELEMENT || row->v.element.tag != GUMBO_TAG_TR) return false;
    std::vector<const GumboNode*> cells;
    const GumboVector& kids = row->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        if (const auto* kid = static_cast<const GumboNode*>(kids.data[i]); kid->type == GUMBO_NODE_ELEMENT)
            cells.push_back(kid);
    return cells.size() == 2 && cells[0] == th && cells[1]->v.element.tag == GUMBO_TAG_TD;
}

bool follows_link(const GumboNode* node) {
    if (node->parent == nullptr || node->index_within_parent == 0) return false;
    const GumboVector& siblings = node->parent->v.element.children;
    const auto* before = static_cast<const GumboNode*>(siblings.data[node->index_within_parent - 1]);
    return before->type == GUMBO_NODE_ELEMENT && before->v.element.tag == GUMBO_TAG_A;
}

// <span class="v">build vs buy</span><span class="v">cost modelling</span>: a styled
// span right after another, with no text between them.
bool follows_styled_span(const GumboNode* node) {
    auto styled_span = [](const GumboNode* n) {
        return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_SPAN &&
               attribute(n->v.element, "class") != nullptr;
    };
    if (!styled_span(node) || node->parent == nullptr || node->index_within_parent == 0) return false;
    if (node->parent->type == GUMBO_NODE_ELEMENT && node->parent->v.element.tag == GUMBO_TAG_CODE) return false;  // highlighting
    const GumboVector& siblings = node->parent->v.element.children;
    const auto* before = static_cast<const GumboNode*>(siblings.data[node->index_within_parent - 1]);
    if (!styled_span(before)) return false;
    // Only where their words would glue ("buy|vendor"); a span that ends or starts with a
    // space is a run of styled prose ("…change </span><span>before").
    std::string last;
    std::string first;
    raw_text(before, last);
    raw_text(node, first);
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
    return !last.empty() && !first.empty() && !space(last.back()) && !space(first.front());
}

// Bytes of text below a node, leaving out what is not text (scripts, styles).
std::size_t text_bytes(const GumboNode* root) {
    std::size_t n = 0;
    std::vector<const GumboNode*> pending{root};
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) n += std::strlen(node->v.text.text);
        if (node->type == GUMBO_NODE_ELEMENT && drop_kind(node->v.element, true) == Drop::NotText) continue;
        if (const GumboVector* kids = children_of(node))
            for (unsigned i = 0; i < kids->length; ++i) pending.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
    return n;
}

// An element with nothing in it but white space and comments (an icon's <div>, a
// status dot), judged by its children alone so that deep nesting costs nothing.
bool is_empty(const GumboElement& e) {
    for (unsigned i = 0; i < e.children.length; ++i) {
        const auto* kid = static_cast<const GumboNode*>(e.children.data[i]);
        if (kid->type != GUMBO_NODE_WHITESPACE && kid->type != GUMBO_NODE_COMMENT) return false;
    }
    return true;
}

bool holds_heading(const GumboNode* root) {
    bool found = false;
    for_each_node(root, [&](const GumboNode* node) {
        found = found || (node->type == GUMBO_NODE_ELEMENT && heading_level(node->v.element.tag) != 0);
    });
    return found;
}

// On a page that does not mark its content: the elements after the block that
// holds its top heading and most of its text ("If you liked this…", a
// newsletter form, comments), which hold no heading of their own. Readers such
// as Readability take that block for the content; what follows it is chrome.
std::set<const GumboNode*> after_content(const GumboNode* body) {
    constexpr double kContentShare = 0.8;
    const GumboNode* top = nullptr;
    for (GumboTag tag : {GUMBO_TAG_H1, GUMBO_TAG_H2}) {
        int count = 0;
        if (top == nullptr) top = find_first(body, tag, &count);
    }
    if (top == nullptr) return {};
    const double total = static_cast<double>(text_bytes(body));
    // Climb from the heading until the block holds most of the text; each node is counted once.
    const GumboNode* block = top;
    std::size_t inside = text_bytes(top);
    while (block->parent != nullptr && block->parent != body && static_cast<double>(inside) < kContentShare * total) {
        const GumboVector& kids = block->parent->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i)
            if (kids.data[i] != block) inside += text_bytes(static_cast<const GumboNode*>(kids.data[i]));
        block = block->parent;
    }
    std::set<const GumboNode*> after;
    if (block->parent == nullptr || static_cast<double>(inside) < kContentShare * total) return after;
    for (const GumboNode* level = block; level != body && level->parent != nullptr; level = level->parent) {
        const GumboVector& siblings = level->parent->v.element.children;
        for (std::size_t i = level->index_within_parent + 1; i < siblings.length; ++i)
            if (const auto* next = static_cast<const GumboNode*>(siblings.data[i]);
                next->type == GUMBO_NODE_ELEMENT && !holds_heading(next))
                after.insert(next);
    }
    return after;
}

class Renderer {
public:
    // `after_content` (may be empty): elements that are chrome wherever they stand.
    // `styled`: paragraphs that are headings by their font size (styled_headings.h), with their level.
    explicit Renderer(bool inside_content, std::set<const GumboNode*> after_content = {},
                      std::map<const GumboNode*, int> styled = {})
        : inside_content_(inside_content), after_content_(std::move(after_content)), styled_(std::move(styled)) {}

    // Iterative, with the open elements on a heap stack, for the same reason as for_each_node.
    void walk(const GumboNode* root) {
        visit(root);
        while (!open_.empty()) {
            Open& top = open_.back();
            const GumboVector& kids = top.node->v.element.children;
            if (top.next < kids.length) {
                visit(static_cast<const GumboNode*>(kids.data[top.next++]));  // may grow open_: top is not used after
                continue;
            }
            leave(top);
            open_.pop_back();
        }
    }

    std::string take() { return writer_.take(); }
    std::vector<std::string> take_chrome() { return std::move(chrome_); }

private:
    struct Open {
        const GumboNode* node;
        unsigned next = 0;        // the next child to visit
        bool was_inside = false;  // inside_content_ before this element
    };

    void visit(const GumboNode* node) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA: writer_.text(node->v.text.text); return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: enter(node); return;
            default: return;  // comments, the document node
        }
    }

    // What an element writes before its children; opens it unless it has none to walk.
    void enter(const GumboNode* node) {
        const GumboElement& e = node->v.element;
        switch (after_content_.count(node) != 0 ? Drop::Chrome : drop_kind(e, inside_content_)) {
            case Drop::NotText: return;
            case Drop::Chrome:
                if (std::string text = join_texts(node, " "); !text.empty()) chrome_.push_back(std::move(text));
                // An article's own footer holds its tags ("Tags: locking, concurrency").
                if (e.tag == GUMBO_TAG_FOOTER && inside_content_) write_chip_lists(node);
                return;
            case Drop::Keep: break;
        }
        // Breadcrumbs and chip lists as one metadata line each, whatever their markup.
        if (is_breadcrumb(e) || is_chip_list(e)) {
            std::string line = is_breadcrumb(e) ? join_texts(node, " › ") : chip_line(node);
            writer_.blank_line();
            writer_.text(line);
            writer_.blank_line();
            return;
        }
        // <div class="category">Behavioral</div>, <span class="level-badge">Senior</span>:
        // a value its markup names.
        if (std::optional<std::string> line = keyed_value(node)) {
            writer_.blank_line();
            writer_.text(*line);
            writer_.blank_line();
            return;
        }
        if (e.tag == GUMBO_TAG_PRE) {
            std::string body;
            raw_text(node, body);
            writer_.raw_block("```", body);
            return;
        }
        // A block with no text (an icon, a status dot, a spacer) parts no lines.
        if (is_block(e.tag) && e.tag != GUMBO_TAG_HR && is_empty(e)) return;
        // Links in a row are separate words even with no space between them: "Home", "Practice".
        if (e.tag == GUMBO_TAG_A && follows_link(node)) writer_.text(" ");
        // Badges side by side are separate values: "L3 · 5 min"; so are styled spans that
        // touch (a multi-select's values, which only a style sheet keeps apart).
        if ((is_badge(e) || follows_styled_span(node)) && writer_.in_line()) writer_.text(" · ");
        open_.push_back({node, 0, inside_content_});
        if (e.tag == GUMBO_TAG_MAIN || e.tag == GUMBO_TAG_ARTICLE) inside_content_ = true;
        int level = heading_level(e.tag);
        if (auto styled = styled_.find(node); level == 0 && styled != styled_.end()) level = styled->second;
        if (level != 0) {
            writer_.blank_line();
            writer_.set_prefix(std::string(static_cast<std::size_t>(level), '#') + " ");
        } else if (e.tag == GUMBO_TAG_LI) {
            writer_.end_line();
            writer_.set_prefix(std::string(2 * list_depth_, ' ') + "- ");
            ++list_depth_;
        } else if (e.tag == GUMBO_TAG_BR || e.tag == GUMBO_TAG_TR || e.tag == GUMBO_TAG_DT) {
            writer_.end_line();
        } else if (e.tag == GUMBO_TAG_DD) {
            writer_.text(" ");
        } else if (is_block(e.tag)) {
            writer_.blank_line();
        }
    }

    void write_chip_lists(const GumboNode* root) {
        for_each_node(root, [&](const GumboNode* node) {
            if (node->type != GUMBO_NODE_ELEMENT || !is_chip_list(node->v.element)) return;
            if (std::string line = chip_line(node); !line.empty()) {
                writer_.blank_line();
                writer_.text(line);
                writer_.blank_line();
            }
        });
    }

    // What an element writes after its children.
    void leave(const Open& open) {
        GumboTag tag = open.node->v.element.tag;
        if (heading_level(tag) != 0 || is_block(tag)) {
            writer_.blank_line();
        } else if (tag == GUMBO_TAG_LI) {
            --list_depth_;
            writer_.end_line();
        } else if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_DD) {
            writer_.end_line();
        } else if (tag == GUMBO_TAG_DT || (tag == GUMBO_TAG_TH && labels_its_row(open.node))) {
            writer_.text(": ");
        } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            writer_.cell_break();
        }
        inside_content_ = open.was_inside;
    }

    TextWriter writer_;
    std::vector<std::string> chrome_;
    std::vector<Open> open_;
    bool inside_content_;
    std::set<const GumboNode*> after_content_;
    std::map<const GumboNode*, int> styled_;
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


// "What is JSX? | PrepSite" -> "What is JSX?": a title comes first and the
// site's sections and name after it ("Design Twitter - System Design | PrepSite");
// when the first part is a bare name ("PrepSite | What is JSX?"), the longest part.
std::string without_site_name(const std::string& title) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= title.size()) {
        std::size_t end = std::string::npos;
        std::size_t width = 0;
        for (std::string_view sep : {" | ", " – ", " — ", " - ", " · "})
            if (std::size_t at = title.find(sep, start); at < end) {
                end = at;
                width = sep.size();
            }
        parts.push_back(title.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + width;
    }
    if (parts.front().find(' ') != std::string::npos) return parts.front();
    return *std::max_element(parts.begin(), parts.end(),
                             [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
}

// The first breadcrumb below `root` that is not inside `content`.
const GumboNode* breadcrumb_outside(const GumboNode* root, const GumboNode* content) {
    const GumboNode* found = nullptr;
    for_each_node(root, [&](const GumboNode* node) {
        if (found != nullptr || node->type != GUMBO_NODE_ELEMENT || !is_breadcrumb(node->v.element)) return;
        for (const GumboNode* up = node; up != nullptr; up = up->parent)
            if (up == content) return;
        found = node;
    });
    return found;
}

// The rel-tag microformat of blogs (WordPress's "Posted in", "Tagged"): links of
// `content` marked rel="tag" are its tags, rel="category tag" its category, as
// metadata lines; not those of a menu or a sidebar (a tag cloud).
std::string rel_tag_lines(const GumboNode* content) {
    std::string category;
    std::vector<std::string> tags;
    for_each_node(content, [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_A) return;
        std::vector<std::string> words = attribute_words(node->v.element, {"rel"});
        if (!names_any(words, {"tag"})) return;
        for (const GumboNode* up = node->parent; up != nullptr && up != content; up = up->parent)
            if (up->type == GUMBO_NODE_ELEMENT &&
                (up->v.element.tag == GUMBO_TAG_NAV || up->v.element.tag == GUMBO_TAG_ASIDE))
                return;
        std::string text = join_texts(node, " ");
        if (text.empty()) return;
        if (names_any(words, {"category"})) {
            if (category.empty()) category = std::move(text);
        } else {
            tags.push_back(std::move(text));
        }
    });
    std::string out;
    if (!category.empty()) out += "Category: " + category + "\n";
    for (std::size_t i = 0; i < tags.size(); ++i) out += (i == 0 ? "Tags: " : ", ") + tags[i];
    if (!tags.empty()) out += "\n";
    return out;
}

constexpr std::size_t kMinShownTitleWords = 3;  // "Blog" or "Home" may be any menu's line

// A <title> the site cut short ("Acme Interview Question: How would you find the 10
// nearest…") names the page by the sentence it cut: as a heading over the line that
// sentence opens, so what stands above that line is read as metadata or chrome. A cut
// title found nowhere names nothing.
std::string with_cut_title(const std::string& text, std::string title) {
    while (title.ends_with('.')) title.pop_back();
    if (title.ends_with("…")) title.resize(title.size() - std::strlen("…"));
    title = std::string(text::trim(title));
    std::vector<std::string> stems{title};
    if (std::size_t colon = title.rfind(": "); colon != std::string::npos) stems.push_back(title.substr(colon + 2));
    constexpr std::size_t kMinStemBytes = 12;  // a word or two could open any line
    for (const std::string& stem : stems) {
        if (stem.size() < kMinStemBytes) continue;
        std::size_t at = ("\n" + text).find("\n" + stem);
        if (at == std::string::npos) continue;
        std::string_view line = std::string_view(text).substr(at, text.find('\n', at) - at);
        std::size_t end = line.size();
        bool first = true;
        text::for_each_sentence(line, [&](std::size_t, std::size_t e) {
            if (first) end = e;
            first = false;
        });
        return text.substr(0, at) + "# " + std::string(text::trim(line.substr(0, end))) + "\n\n" + text.substr(at);
    }
    return text;
}

}  // namespace

RenderedHtml render_html(std::string_view html) {
    Parsed parsed(html);
    const GumboNode* root = parsed.root();
    int mains = 0;
    int articles = 0;
    const GumboNode* main = find_first(root, GUMBO_TAG_MAIN, &mains);
    const GumboNode* article = find_first(root, GUMBO_TAG_ARTICLE, &articles);
    // A page that marks its content is read from there; several articles are a list page.
    const GumboNode* content = main != nullptr ? main : articles == 1 ? article : find_body(root);
    const GumboNode* body = find_body(root);
    Renderer renderer(content != body, content == body ? after_content(body) : std::set<const GumboNode*>{},
                      styled_headings(root));
    renderer.walk(content);
    RenderedHtml out{renderer.take(), renderer.take_chrome()};
    // Unless a chip list shows them in place already: a line twice is a repeated banner.
    if (std::string tags = rel_tag_lines(content); !tags.empty()) {
        std::string lines;
        for (std::string_view line : text::split_lines(tags))
            if (!line.empty() && ("\n" + out.text).find("\n" + std::string(line) + "\n") == std::string::npos)
                lines += std::string(line) + "\n";
        if (!lines.empty()) out.text = lines + "\n" + out.text;
    }
    // The page's declared language, as a metadata line the page parser reads.
    for (const GumboNode* node = root; node != nullptr && node->type == GUMBO_NODE_ELEMENT;) {
        if (const char* lang = attribute(node->v.element, "lang"); lang != nullptr && *lang != 0)
            out.text = "Language: " + std::string(lang) + "\n\n" + out.text;
        break;
    }
    // A page read from its <main> keeps the breadcrumb above it: it states the category.
    if (content != find_body(root))
        if (const GumboNode* crumbs = breadcrumb_outside(root, content))
            out.text = join_texts(crumbs, " › ") + "\n\n" + out.text;
    int h1 = 0;
    const GumboNode* top = find_first(content, GUMBO_TAG_H1, &h1);
    // A breadcrumb that ends with the page's own title: the title is no category.
    if (top != nullptr)
        if (std::string title = join_texts(top, " "); !title.empty()) {
            std::string crumb_end = " › " + title + "\n";
            for (std::size_t at = out.text.find(crumb_end); at != std::string::npos; at = out.text.find(crumb_end, at))
                out.text.erase(at, crumb_end.size() - 1);
        }
    if (h1 == 0) {
        // The page's <title> names it when its content has no top heading and does not
        // show the title as a line of its own.
        std::string title = without_site_name(title_of(root));
        if (title.ends_with("...") || title.ends_with("…")) {
            out.text = with_cut_title(out.text, title);
            return out;
        }
        std::string text = "\n" + out.text + "\n";
        bool shown = text.find("\n" + title + "\n") != std::string::npos;
        // A page whose top heading is an <h2> names itself with it.
        std::size_t heading = std::string::npos;
        for (std::string_view marks : {"## ", "### ", "#### "})
            if (heading == std::string::npos) heading = text.find("\n" + std::string(marks) + title + "\n");
        if (title.empty()) {
        } else if (shown) {
            // The line that shows the title heads the page: what stands above it (a logo,
            // a menu, a cookie notice) is chrome or metadata, as above an <h1>.
            if (text::word_count(title) >= kMinShownTitleWords)
                out.text.insert(text.find("\n" + title + "\n"), "# ");
        } else if (heading != std::string::npos) {
            std::size_t hashes = text.find(' ', heading + 1) - heading - 1;
            out.text.erase(heading, hashes - 1);  // text has one more '\n' in front than out.text
        } else {
            out.text = "# " + title + "\n\n" + out.text;
        }
    }
    return out;
}

std::string html_fragment_text(std::string_view html) {
    Parsed parsed(html);
    Renderer renderer(true);
    renderer.walk(find_body(parsed.root()));
    std::string text = renderer.take();
    while (text.ends_with('\n')) text.pop_back();
    return text;
}

}  // namespace qbank::indexer
