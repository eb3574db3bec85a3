#include "cli/text_output.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/terminal_text.h"

namespace qbank::cli {

namespace {

constexpr const char* kBoldOn = "\x1b[1m";
constexpr const char* kBoldOff = "\x1b[0m";

std::string bold(const std::string& text, const TextStyle& style) {
    std::string shown = printable(text);
    return style.bold ? kBoldOn + shown + kBoldOff : shown;
}

// A value on a line of its own (a title, a path): nothing in it may break the line.
std::string line(const std::string& text) { return printable(text); }
// The text of a page, over several lines.
std::string lines(const std::string& text) { return printable(text, true); }

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + printable(item);
    return out;
}

// The excerpt indented by `indent`, each line of its code too.
std::string render_excerpt(const Excerpt& excerpt, const TextStyle& style, const std::string& indent) {
    auto indented = [&](const std::string& text) {
        std::string out;
        for (char c : lines(text)) {
            out += c;
            if (c == '\n') out += indent;
        }
        return out;
    };
    std::string out = indent;
    std::size_t pos = 0;
    for (const auto& [begin, end] : excerpt.highlights) {
        out += indented(excerpt.text.substr(pos, begin - pos));
        out += bold(excerpt.text.substr(begin, end - begin), style);
        pos = end;
    }
    out += indented(excerpt.text.substr(pos));
    return out;
}

void print_facets(std::ostream& out, const std::map<std::string, FacetCounts>& facets, std::size_t values) {
    bool cut = false;
    for (const auto& [name, counts] : facets) {
        if (counts.empty()) continue;
        out << "  " << name << ":";
        const char* separator = " ";
        const std::size_t shown = values == 0 ? counts.size() : std::min(values, counts.size());
        for (std::size_t i = 0; i < shown; ++i) {
            out << separator << line(counts[i].value) << " (" << counts[i].count << ")";
            separator = ", ";
        }
        if (shown < counts.size()) out << ", …";
        cut = cut || shown < counts.size();
        out << "\n";
    }
    if (cut) out << "  (--facet-limit 0 shows every value)\n";
}

void print_explanation(std::ostream& out, const std::vector<TermScore>& terms) {
    for (const TermScore& t : terms) {
        char score[32];
        std::snprintf(score, sizeof score, "%6.3f", t.score);
        out << "     " << score << "  " << line(t.term) << (t.stemmed ? "*" : "") << "  in " << join(t.fields, ", ") << "\n";
    }
}

}  // namespace

TextStyle style_for_stdout() {
    const char* no_color = std::getenv("NO_COLOR");
    bool colour_allowed = no_color == nullptr || *no_color == '\0';
    return {colour_allowed && isatty(fileno(stdout)) != 0};
}

void print_record(std::ostream& out, const Record& r, const TextStyle& style) {
    out << bold(r.title, style) << "\n";
    out << "id: " << line(r.id) << "\nsource: " << line(r.source) << "\n";
    if (r.category) out << "category: " << line(*r.category) << "\n";
    if (r.level) out << "level: " << to_string(*r.level) << "\n";
    if (!r.tags.empty()) out << "tags: " << join(r.tags, ", ") << "\n";
    out << "\n" << lines(r.question) << "\n";
    for (const Section& s : r.sections) {
        out << "\n" << bold(s.heading, style) << "  [" << to_string(s.kind);
        if (s.level) out << ", " << to_string(*s.level);
        out << "]\n" << lines(s.text) << "\n";
    }
    for (const RemovedBlock& b : r.removed)
        out << "\nremoved boilerplate (" << b.count << " copies): " << line(b.text) << "\n";
}

void print_search_result(std::ostream& out, const SearchResult& result, const TextStyle& style,
                         std::size_t facet_values) {
    if (result.corrected_query)
        out << "no match for \"" << line(result.query) << "\"; showing \"" << line(*result.corrected_query) << "\"\n";
    out << result.total << (result.total == 1 ? " match" : " matches") << " for \""
        << line(result.corrected_query.value_or(result.query)) << "\"";
    if (result.relaxed) out << " (not every word matched)";
    out << "\n";
    if (result.did_you_mean) out << "did you mean \"" << line(*result.did_you_mean) << "\"?\n";
    for (const std::string& prefix : result.wide_prefixes)
        out << "\"" << line(prefix) << "\" begins too many words: only the commonest were searched; type more letters\n";
    bool partial_said = result.relaxed;  // the line above says it of every hit
    for (const Hit& h : result.hits) {
        if (h.partial && !partial_said) {
            out << "\nholding only some of the words:\n";
            partial_said = true;
        }
        const Record& r = h.record;
        out << "\n" << h.rank << ". " << bold(r.title, style);
        std::vector<std::string> labels;
        if (r.level) labels.emplace_back(to_string(*r.level));
        if (r.category) labels.push_back(*r.category);
        if (!labels.empty()) out << "  [" << join(labels, ", ") << "]";
        out << "\n   " << line(r.id) << "  " << line(r.source) << "\n";
        if (!h.excerpt.section.empty()) out << "   " << line(h.excerpt.section) << ":\n";
        if (!h.excerpt.text.empty()) out << render_excerpt(h.excerpt, style, "   ") << "\n";
        print_explanation(out, h.explanation);
    }
    if (result.total > 0) {
        out << "\nfacets:\n";
        print_facets(out, result.facets, facet_values);
    }
}

// The files a format reads: its extensions, then which other files by content.
std::string format_files(const FormatInfo& f) {
    std::string files;
    for (std::string_view ext : f.extensions) files += (files.empty() ? "" : " ") + std::string(ext);
    if (!f.content.empty()) files += (files.empty() ? "" : ", or ") + std::string(f.content);
    return files;
}

void print_formats(std::ostream& out) {
    std::size_t name_width = 6, files_width = 5;  // the headings
    for (const FormatInfo& f : formats()) {
        name_width = std::max(name_width, f.name.size());
        files_width = std::max(files_width, format_files(f).size());
    }
    auto row = [&](std::string_view name, const std::string& files, std::string_view records) {
        out << name << std::string(name_width - name.size() + 2, ' ') << files
            << std::string(files_width - files.size() + 2, ' ') << records << "\n";
    };
    row("FORMAT", "FILES", "RECORDS");
    for (const FormatInfo& f : formats()) row(f.name, format_files(f), f.records);
}

void print_stats(std::ostream& out, const IndexStats& stats, std::size_t top) {
    out << stats.documents << (stats.documents == 1 ? " document" : " documents") << "\n";
    for (const auto& [name, values] : stats.facets) {  // the most common first
        std::size_t shown = top == 0 ? values.size() : std::min(top, values.size());
        out << "\n" << name << " (" << values.size() << (values.size() == 1 ? " value" : " values")
            << (shown < values.size() ? ", the " + std::to_string(shown) + " commonest" : std::string()) << ")\n";
        std::size_t width = values.empty() ? 1 : std::to_string(values.front().count).size();
        for (std::size_t i = 0; i < shown; ++i) {
            std::string count = std::to_string(values[i].count);
            out << "  " << std::string(width - count.size(), ' ') << count << "  " << line(values[i].value) << "\n";
        }
        if (shown < values.size())
            out << "  … " << values.size() - shown << " more: qbank stats --all\n";
    }
}

}  // namespace qbank::cli
