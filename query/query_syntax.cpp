#include "query/query_syntax.h"

#include <optional>
#include <string_view>

#include "qbank/error.h"
#include "schema/fields.h"
#include "text/fold.h"

namespace qbank::query {
namespace {

using Kind = QueryNode::Kind;

struct Token {
    enum class Type { Open, Close, Operator, Term } type;
    std::string_view op;  // Operator: "AND", "NEAR", …
    unsigned window = 0;  // Operator: NEAR/ADJ window
    QueryNode term;       // Term
};

constexpr unsigned kDefaultNearWindow = 10;  // Xapian's default for NEAR and ADJ

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// AND, OR, NOT, XOR, NEAR, ADJ, NEAR/3, ADJ/2 -> the operator and its window.
std::optional<std::pair<std::string_view, unsigned>> as_operator(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR"})
        if (word == op) return std::pair{op, 0u};
    for (std::string_view op : {"NEAR", "ADJ"}) {
        if (!word.starts_with(op)) continue;
        std::string_view rest = word.substr(op.size());
        if (rest.empty()) return std::pair{op, kDefaultNearWindow};
        if (rest.size() < 2 || rest.size() > 4 || rest[0] != '/' ||
            rest.substr(1).find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        return std::pair{op, static_cast<unsigned>(std::stoul(std::string(rest.substr(1))))};
    }
    return std::nullopt;
}

class Lexer {
public:
    // `operators` false: AND, OR, … are words like any other.
    Lexer(const std::string& text, bool operators) : text_(text), operators_(operators) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        while (true) {
            while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
            if (pos_ >= text_.size()) return out;
            char c = text_[pos_];
            if (c == '(' || c == ')') {
                out.push_back({c == '(' ? Token::Type::Open : Token::Type::Close, {}, 0, {}});
                ++pos_;
                continue;
            }
            std::size_t start = pos_;
            QueryNode term = read_term();
            if (operators_ && term.kind == Kind::Word && term.occur == QueryNode::Occur::Should && term.field.empty())
                if (auto op = as_operator(std::string_view(text_).substr(start, pos_ - start))) {
                    out.push_back({Token::Type::Operator, op->first, op->second, {}});
                    continue;
                }
            out.push_back({Token::Type::Term, {}, 0, std::move(term)});
        }
    }

private:
    bool ends_chunk(std::size_t i) const {
        return i >= text_.size() || is_space(text_[i]) || text_[i] == '(' || text_[i] == ')';
    }

    // [+|-][field:](word | "phrase")
    QueryNode read_term() {
        QueryNode node;
        node.begin = pos_;
        if ((text_[pos_] == '+' || text_[pos_] == '-') && !ends_chunk(pos_ + 1)) {
            node.occur = text_[pos_] == '+' ? QueryNode::Occur::Must : QueryNode::Occur::MustNot;
            ++pos_;
        }
        // "title:herd", "tag:\"Risk Management\""; not "std::vector", "http://…", "a:" at the end.
        // A name that is no field ("Tip: use memo", "author:orwell") is text, as pasted.
        std::size_t name_end = pos_;
        while (name_end < text_.size() && is_name_char(text_[name_end])) ++name_end;
        if (name_end - pos_ >= 2 && name_end + 1 < text_.size() && text_[name_end] == ':' &&
            std::string_view(" \t\n\r/:()").find(text_[name_end + 1]) == std::string_view::npos) {
            const schema::Field* field = schema::find_field(text::fold(std::string_view(text_).substr(pos_, name_end - pos_)));
            if (field != nullptr && field->kind != schema::FieldKind::Id) {
                node.field = std::string(field->name);
                pos_ = name_end + 1;
            }
        }
        if (text_[pos_] == '"') {
            std::size_t close = text_.find('"', pos_ + 1);
            if (close == std::string::npos) close = text_.size();
            node.kind = Kind::Phrase;
            node.begin = pos_ + 1;
            node.end = close;
            node.text = text_.substr(node.begin, close - node.begin);
            pos_ = std::min(text_.size(), close + 1);
            return node;
        }
        std::size_t end = pos_;
        while (!ends_chunk(end)) ++end;
        node.kind = Kind::Word;
        node.text = text_.substr(pos_, end - pos_);
        node.end = end;
        pos_ = end;
        return node;
    }

    const std::string& text_;
    bool operators_;
    std::size_t pos_ = 0;
};

constexpr unsigned kMaxGroupDepth = 32;

class Parser {
public:
    Parser(const std::string& text, std::vector<Token> tokens) : text_(text), tokens_(std::move(tokens)) {}

    ParsedQuery parse() {
        ParsedQuery out;
        QueryNode top = parse_or();
        while (next_ < tokens_.size()) {
            // A ")" with no "(" before it closes nothing: what follows is read on.
            if (!at(Token::Type::Close)) syntax_error(tokens_[next_].op);  // an operator with nothing before it
            ++next_;
            top = join_sequences(std::move(top), parse_or());
        }
        out.root = top.kind == Kind::Sequence ? std::move(top) : sequence_of(std::move(top));
        out.operators = operators_;
        return out;
    }

private:
    bool at(Token::Type type) const { return next_ < tokens_.size() && tokens_[next_].type == type; }
    bool at_operator(std::string_view op) const { return at(Token::Type::Operator) && tokens_[next_].op == op; }

    [[noreturn]] void syntax_error(std::string_view op) const {
        throw BadInputError("cannot parse query \"" + text_ + "\": Syntax: <expression> " + std::string(op) +
                            " <expression>");
    }

    static QueryNode sequence_of(QueryNode node) {
        QueryNode seq;
        seq.kind = Kind::Sequence;
        seq.begin = node.begin;
        seq.end = node.end;
        seq.children.push_back(std::move(node));
        return seq;
    }

    static QueryNode join_sequences(QueryNode a, QueryNode b) {
        if (a.kind != Kind::Sequence) a = sequence_of(std::move(a));
        if (b.kind != Kind::Sequence) b = sequence_of(std::move(b));
        for (QueryNode& child : b.children) a.children.push_back(std::move(child));
        return a;
    }

    static bool empty(const QueryNode& node) { return node.kind == Kind::Sequence && node.children.empty(); }

    static QueryNode binary(Kind kind, QueryNode left, QueryNode right) {
        if (left.kind == kind && kind != Kind::AllBut) {
            left.children.push_back(std::move(right));
            return left;
        }
        QueryNode node;
        node.kind = kind;
        node.begin = left.begin;
        node.end = right.end;
        node.children.push_back(std::move(left));
        node.children.push_back(std::move(right));
        return node;
    }

    QueryNode parse_or() {
        QueryNode left = parse_and();
        while (at_operator("OR") || at_operator("XOR")) {
            std::string_view op = tokens_[next_++].op;
            operators_ = true;
            QueryNode right = parse_and();
            if (empty(left) || empty(right)) syntax_error(op);
            left = binary(op == "OR" ? Kind::Any : Kind::OneOf, std::move(left), std::move(right));
        }
        return left;
    }

    QueryNode parse_and() {
        QueryNode left = parse_sequence();
        while (at_operator("AND") || at_operator("NOT")) {
            std::string_view op = tokens_[next_++].op;
            operators_ = true;
            bool but = op == "NOT";
            if (!but && at_operator("NOT")) {  // "a AND NOT b"
                ++next_;
                but = true;
                op = "NOT";
            }
            QueryNode right = parse_sequence();
            if (empty(right)) syntax_error(op);
            if (empty(left)) {
                if (!but) syntax_error(op);
                left.kind = Kind::Everything;  // "NOT rabbitmq": every document without it
            }
            left = binary(but ? Kind::AllBut : Kind::All, std::move(left), std::move(right));
        }
        return left;
    }

    QueryNode parse_sequence() {
        QueryNode seq;
        seq.kind = Kind::Sequence;
        while (at(Token::Type::Term) || at(Token::Type::Open)) {
            QueryNode child = parse_near();
            if (empty(child)) continue;  // "()"
            if (child.occur != QueryNode::Occur::Should) operators_ = true;
            if (seq.children.empty()) seq.begin = child.begin;
            seq.end = child.end;
            seq.children.push_back(std::move(child));
        }
        return seq;
    }

    QueryNode parse_near() {
        QueryNode left = parse_unit();
        while (at_operator("NEAR") || at_operator("ADJ")) {
            const Token& op = tokens_[next_++];
            operators_ = true;
            if (!at(Token::Type::Term) && !at(Token::Type::Open)) syntax_error(op.op);
            QueryNode right = parse_unit();
            if (!left.is_term() && left.kind != Kind::Near) syntax_error(op.op);
            if (!right.is_term()) syntax_error(op.op);
            if (left.kind != Kind::Near) {
                QueryNode near;
                near.kind = Kind::Near;
                near.begin = left.begin;
                near.window = op.window;
                near.ordered = op.op == "ADJ";
                near.children.push_back(std::move(left));
                left = std::move(near);
            }
            left.window = std::max(left.window, op.window);
            left.end = right.end;
            left.children.push_back(std::move(right));
        }
        return left;
    }

    QueryNode parse_unit() {
        if (at(Token::Type::Open)) {
            ++next_;
            // Groups deeper than anyone writes are flattened: the "(" opens nothing, and
            // its ")" closes an outer group or nothing. Every rewrite walks the tree
            // recursively, on whatever stack the embedding program gives it.
            if (depth_ == kMaxGroupDepth) return QueryNode{.kind = Kind::Sequence};
            ++depth_;
            QueryNode group = parse_or();
            --depth_;
            if (at(Token::Type::Close)) ++next_;  // a group left open closes at the end
            return group;
        }
        return std::move(tokens_[next_++].term);
    }

    const std::string& text_;
    std::vector<Token> tokens_;
    std::size_t next_ = 0;
    bool operators_ = false;
    unsigned depth_ = 0;  // groups open around the token at next_
};

}  // namespace

ParsedQuery parse_query_syntax(const std::string& text) {
    try {
        return Parser(text, Lexer(text, true).tokens()).parse();
    } catch (const BadInputError&) {
        // Text pasted from elsewhere ("OR herd", "select … where a = 1 AND") is
        // searched for its words, as Xapian's parser does when its syntax fails.
        return Parser(text, Lexer(text, false).tokens()).parse();
    }
}

std::string describe(const QueryNode& node) {
    auto joined = [&](std::string_view separator) {
        std::string out;
        for (const QueryNode& child : node.children) out += (out.empty() ? "" : std::string(separator)) + describe(child);
        return "(" + out + ")";
    };
    std::string occur = node.occur == QueryNode::Occur::Must ? "+" : node.occur == QueryNode::Occur::MustNot ? "-" : "";
    std::string field = node.field.empty() ? "" : node.field + ":";
    switch (node.kind) {
        case Kind::Word: return occur + field + node.text;
        case Kind::Phrase: return occur + field + "\"" + node.text + "\"";
        case Kind::Sequence: return occur + joined(" ");
        case Kind::All: return occur + joined(" AND ");
        case Kind::Any: return occur + joined(" OR ");
        case Kind::OneOf: return occur + joined(" XOR ");
        case Kind::AllBut: return occur + joined(" NOT ");
        case Kind::Near:
            return occur + joined(std::string(node.ordered ? " ADJ/" : " NEAR/") + std::to_string(node.window) + " ");
        case Kind::Synonyms: return occur + joined(" | ");
        case Kind::Everything: return "<all>";
    }
    return {};
}

}  // namespace qbank::query
