#include "query/synonyms.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "indexer/trim.h"
#include "qbank/error.h"
#include "query/query_operator.h"
#include "query/shipped_synonyms.h"
#include "schema/text_analysis.h"
#include "schema/utf8_check.h"

namespace qbank::query {

namespace {

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// How a member is written into query text: a word as is, several as a phrase.
std::string render(const std::vector<std::string>& words) {
    std::string joined;
    for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
    return words.size() == 1 ? joined : "\"" + joined + "\"";
}

// One whitespace-separated chunk of a query, with the part that can be a synonym word.
struct Token {
    std::size_t begin, end;  // the word, without "(" before or ")?,." after it
    std::string word;
    bool opens = false;      // "(" before it: a member may start here, not continue
    bool closes = false;     // ")" or punctuation after it: a member may end here, not continue
    bool barrier = false;    // quoted, field:value, +/-word or an operator: never expanded
};

std::vector<Token> tokenize(const std::string& q) {
    std::vector<Token> tokens;
    bool quoted = false;
    for (std::size_t pos = 0; pos < q.size();) {
        std::size_t start = q.find_first_not_of(" \t\n", pos);
        if (start == std::string::npos) break;
        std::size_t end = q.find_first_of(" \t\n", start);
        if (end == std::string::npos) end = q.size();
        pos = end;
        std::string_view chunk(q.data() + start, end - start);
        Token t{start, end, {}, false, false, quoted};
        if (std::count(chunk.begin(), chunk.end(), '"') % 2 == 1) quoted = !quoted;
        if (chunk.find('"') != std::string_view::npos) t.barrier = true;
        while (t.begin < t.end && q[t.begin] == '(') ++t.begin, t.opens = true;
        while (t.end > t.begin && std::string_view(")?,.!;").find(q[t.end - 1]) != std::string_view::npos)
            --t.end, t.closes = true;
        t.word = q.substr(t.begin, t.end - t.begin);
        if (t.word.empty() || t.word.find(':') != std::string::npos || t.word[0] == '+' || t.word[0] == '-' ||
            is_query_operator(t.word))
            t.barrier = true;
        tokens.push_back(std::move(t));
    }
    return tokens;
}

}  // namespace

const Synonyms& Synonyms::shipped() {
    static const Synonyms synonyms = [] {
        Synonyms s;
        s.add_text(kShippedSynonyms, "query/synonyms.txt");
        return s;
    }();
    return synonyms;
}

void Synonyms::add_text(std::string_view text, const std::string& origin) {
    if (std::size_t bad = schema::first_invalid_utf8(text); bad != std::string::npos)
        throw BadInputError(origin + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                                      ": save the synonyms file as UTF-8");
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        line = indexer::trim(line.substr(0, std::min(line.find('#'), line.find('\r'))));
        if (line.empty()) continue;
        std::vector<Words> members;
        std::set<Words> seen;
        for (std::size_t p = 0; p <= line.size();) {
            std::size_t comma = std::min(line.find(',', p), line.size());
            Words words = split_words(schema::analyzable_text(line.substr(p, comma - p)));
            p = comma + 1;
            if (!words.empty() && seen.insert(words).second) members.push_back(std::move(words));
        }
        if (members.size() < 2)
            throw BadInputError(
                        origin + ":" + std::to_string(line_no) + ": a synonym group needs two or more words or phrases "
                                                                 "separated by commas, got '" + std::string(line) + "'");
        for (const Words& m : members) {
            groups_of_[m].push_back(groups_.size());
            longest_ = std::max(longest_, m.size());
        }
        groups_.push_back(std::move(members));
    }
}

void Synonyms::add_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BadInputError("cannot read synonyms file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    add_text(text.str(), path);
}

std::string Synonyms::expand(const std::string& q) const {
    if (groups_.empty()) return q;
    std::vector<Token> tokens = tokenize(q);
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < tokens.size();) {
        // The longest run of tokens from i that is a member.
        std::size_t best = 0;
        const std::vector<std::size_t>* groups = nullptr;
        Words words;
        for (std::size_t j = i; j < tokens.size() && j - i < longest_; ++j) {
            const Token& t = tokens[j];
            if (t.barrier || (j > i && t.opens)) break;
            words.push_back(t.word);
            if (auto it = groups_of_.find(words); it != groups_of_.end()) best = j - i + 1, groups = &it->second;
            if (t.closes) break;
        }
        if (best == 0) {
            ++i;
            continue;
        }
        Words matched(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(best));
        std::vector<std::string> alternatives{render(matched)};
        for (std::size_t g : *groups)
            for (const Words& member : groups_[g])
                if (std::string r = render(member); std::find(alternatives.begin(), alternatives.end(), r) == alternatives.end())
                    alternatives.push_back(r);
        std::string group;
        for (const std::string& a : alternatives) group += (group.empty() ? "(" : " OR ") + a;
        out.append(q, copied, tokens[i].begin - copied);
        out += group + ")";
        copied = tokens[i + best - 1].end;
        i += best;
    }
    out.append(q, copied);
    return out;
}

}  // namespace qbank::query
