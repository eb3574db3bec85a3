#include "query/synonyms.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "qbank/error.h"
#include "query/shipped_synonyms.h"
#include "text/tokenizer.h"
#include "text/trim.h"
#include "text/utf8_check.h"

namespace qbank::query {
namespace {

std::string joined(const Synonyms::Words& words) {
    std::string key;
    for (std::size_t i = 0; i < words.size(); ++i) key += (i == 0 ? "" : " ") + words[i];
    return key;
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
    if (std::size_t bad = text::first_invalid_utf8(text); bad != std::string::npos)
        throw BadInputError(origin + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                                      ": save the synonyms file as UTF-8");
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        line = text::trim(line.substr(0, std::min(line.find('#'), line.find('\r'))));
        if (line.empty()) continue;
        std::vector<Words> members;
        for (std::size_t p = 0; p <= line.size();) {
            std::size_t comma = std::min(line.find(',', p), line.size());
            Words words = text::typed_words(line.substr(p, comma - p));
            p = comma + 1;
            if (!words.empty() && std::find(members.begin(), members.end(), words) == members.end())
                members.push_back(std::move(words));
        }
        if (members.size() < 2)
            throw BadInputError(
                        origin + ":" + std::to_string(line_no) + ": a synonym group needs two or more words or phrases "
                                                                 "separated by commas, got '" + std::string(line) + "'");
        for (const Words& m : members) {
            groups_of_[joined(m)].push_back(groups_.size());
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

std::vector<Synonyms::Words> Synonyms::alternatives(const Words& member) const {
    auto it = groups_of_.find(joined(member));
    if (it == groups_of_.end()) return {};
    std::vector<Words> out{member};
    for (std::size_t g : it->second)
        for (const Words& other : groups_[g])
            if (std::find(out.begin(), out.end(), other) == out.end()) out.push_back(other);
    return out;
}

}  // namespace qbank::query
