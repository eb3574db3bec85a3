#include "query/spelling_variants.h"

#include <algorithm>

#include "text/utf8_length.h"

namespace qbank::query {

std::vector<std::string> code_points_of(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text::is_utf8_lead_byte(text[i]) || out.empty())
            out.emplace_back(1, text[i]);
        else
            out.back() += text[i];
    }
    return out;
}

std::vector<std::string> one_edit_variants(std::string_view word, const std::vector<std::string>& letters) {
    const std::vector<std::string> cps = code_points_of(word);
    // The word with code points [0, cut) and [resume, end) kept and `middle` between.
    auto joined = [&](std::size_t cut, std::string_view middle, std::size_t resume) {
        std::string s;
        for (std::size_t i = 0; i < cut; ++i) s += cps[i];
        s += middle;
        for (std::size_t i = resume; i < cps.size(); ++i) s += cps[i];
        return s;
    };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        out.push_back(joined(i, "", i + 1));
        if (i + 1 < cps.size()) out.push_back(joined(i, cps[i + 1] + cps[i], i + 2));
        for (const std::string& letter : letters) out.push_back(joined(i, letter, i + 1));
    }
    for (std::size_t i = 0; i <= cps.size(); ++i)
        for (const std::string& letter : letters) out.push_back(joined(i, letter, i));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::erase(out, std::string(word));
    return out;
}

}  // namespace qbank::query
