#include "indexer/file_records.h"

#include <filesystem>
#include <map>
#include <set>

#include "indexer/input_format.h"
#include "indexer/json_lines.h"
#include "indexer/normalize.h"
#include "indexer/page_parser.h"
#include "indexer/record_id.h"
#include "text/language.h"

namespace qbank::indexer {
namespace {

// The words of a record that its language is read from.
std::string record_text(const Record& r) {
    std::string text = r.title + "\n" + r.question;
    for (const Section& s : r.sections) text += "\n" + s.heading + "\n" + s.text;
    return text;
}

// "%20" and the like in a link's path, decoded.
std::string percent_decoded(std::string_view s) {
    auto hex = [](char c) {
        char lower = static_cast<char>(c | 0x20);
        return c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The title a heading lends to the file its link names, relative to the file at `identity`.
LentTitle lent_title(TitleLink link, const std::string& identity) {
    std::string_view href = link.href;
    std::size_t hash = href.find('#');
    std::string anchor = hash == std::string_view::npos ? std::string() : std::string(href.substr(hash + 1));
    std::string_view path = href.substr(0, std::min(hash, href.find('?')));
    std::filesystem::path target = std::filesystem::path(identity).parent_path() / percent_decoded(path);
    return {std::move(link.title), std::move(link.fragment), target.lexically_normal().string(), std::move(anchor)};
}

FileRecords page_records(std::string_view bytes, const std::string& shown, const std::string& identity, Format format,
                         const NormalizeOptions& options, const CorpusBoilerplate* corpus) {
    FileRecords out;
    NormalizedPage page;
    try {
        page = normalize_page(bytes, options, corpus, format);
    } catch (const std::exception&) {
        // A flaw in reading the markup must not lose the page: its text is still a page.
        if (format == Format::Text) throw;
        format = Format::Text;
        page = normalize_page(bytes, options, corpus, format);
    }
    if (!page.error.empty()) {
        out.problems.push_back({shown, page.error_line, page.error});
        return out;
    }
    if (input_format(format).split == Split::QuestionHeadings) {
        SplitPage split = split_questions(page.text, std::filesystem::path(shown).stem().string(), page.heading_links);
        out.records = std::move(split.records);
        for (TitleLink& link : split.title_links) {
            LentTitle lent = lent_title(std::move(link), identity);
            if (lent.target != identity) out.lent_titles.push_back(std::move(lent));
        }
    } else {
        out.records.push_back({parse_record(page.text), {}});
    }
    std::vector<RemovedBlock>& removed = out.records.front().record.removed;
    removed.insert(removed.begin(), page.removed.begin(), page.removed.end());
    return out;
}

// Bounds on what one input yields: a file of a hundred thousand question headings,
// a one-line page of megabytes that becomes every hit's question.
constexpr std::size_t kMaxRecordsPerFile = 20000;
constexpr std::size_t kMaxQuestionBytes = 4096;
constexpr std::size_t kMaxTitleBytes = 1024;
constexpr std::size_t kMaxSections = 1000;

// At most `max` bytes of `text`, cut at a space (or a character boundary) with "…" after.
std::string cut(std::string_view text, std::size_t max) {
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // inside a character
    if (std::size_t space = text.rfind(' ', end); space != std::string_view::npos && space > max / 2) end = space;
    return std::string(text.substr(0, end)) + "…";
}

// A question or title longer than its bound is cut; a question's whole text stays,
// as the first section.
void bound_fields(Record& r) {
    if (r.question.size() > kMaxQuestionBytes) {
        r.sections.insert(r.sections.begin(), {"Question", SectionKind::Other, std::nullopt, r.question});
        r.question = cut(r.question, kMaxQuestionBytes);
    }
    if (r.title.size() > kMaxTitleBytes) r.title = cut(r.title, kMaxTitleBytes);
    // Sections past the bound join the last one kept, their headings as lines: every
    // word stays searchable, and a hit never carries ten thousand sections.
    if (r.sections.size() > kMaxSections) {
        Section& last = r.sections[kMaxSections - 1];
        for (std::size_t i = kMaxSections; i < r.sections.size(); ++i) {
            const Section& s = r.sections[i];
            last.text += "\n\n" + (s.heading.empty() ? std::string() : s.heading + "\n") + s.text;
        }
        r.sections.erase(r.sections.begin() + kMaxSections, r.sections.end());
    }
}

// Fragments unique within a file: a fragment met again gets "-1", "-2", as heading
// anchors do, skipping any already taken ("What is X" twice beside "What is X 1").
struct Fragments {
    std::set<std::string> taken;
    std::map<std::string, int> suffix;

    std::string unique(const std::string& fragment) {
        std::string candidate = fragment;
        while (!taken.insert(candidate).second) candidate = fragment + "-" + std::to_string(++suffix[fragment]);
        return candidate;
    }
};

FileRecords json_lines_records(std::string_view bytes, const std::string& shown) {
    if (bytes.empty()) return {{}, {{shown, 0, "empty file"}}, {}};
    FileRecords out = read_json_lines(bytes, shown);
    if (out.records.empty() && out.problems.empty()) out.problems.push_back({shown, 0, "no records: every line is blank"});
    return out;
}

}  // namespace

FileRecords parse_file_bytes(std::string_view bytes, const FileInfo& file, Format format,
                             const NormalizeOptions& options, const CorpusBoilerplate* corpus) {
    const std::string& shown = file.path;
    std::optional<std::string> utf8 = utf16_as_utf8(bytes);
    if (utf8) bytes = *utf8;
    if (format == Format::Auto) format = detect_format(shown, bytes.substr(0, 4096));
    FileRecords out = input_format(format).split == Split::Lines
                          ? json_lines_records(bytes, shown)
                          : page_records(bytes, shown, file.canonical, format, options, corpus);
    if (out.records.size() > kMaxRecordsPerFile) {
        out.problems.push_back({shown, 0, "holds " + std::to_string(out.records.size()) + " records; the first " +
                                              std::to_string(kMaxRecordsPerFile) +
                                              " are indexed: split the file to index the rest"});
        out.records.resize(kMaxRecordsPerFile);
    }
    for (SplitRecord& split : out.records) bound_fields(split.record);
    Fragments fragments;
    // The path says it best; then the record's text; a record whose text says too
    // little (a heading and a link) takes what the page declares (<html lang>, front
    // matter) or the whole file's text, read only then.
    std::optional<std::string> by_path = text::language_of_path(shown);
    std::optional<std::string> file_language;
    auto language_of_file = [&] {
        if (!file_language && !out.records.empty() && !out.records.front().record.lang.empty())
            file_language = out.records.front().record.lang;
        if (!file_language) {
            std::string text;
            for (const SplitRecord& split : out.records) text += record_text(split.record) + "\n";
            file_language = text::language_of_text(text);
        }
        return *file_language;
    };
    for (SplitRecord& split : out.records) {
        if (split.record.lang.empty()) {
            std::string lang = by_path ? *by_path : text::language_of_text(record_text(split.record));
            split.record.lang = lang == "und" ? language_of_file() : lang;
        }
        if (!split.fragment.empty()) split.fragment = fragments.unique(split.fragment);
        Record& r = split.record;
        if (r.id.empty()) r.id = record_id(split.fragment.empty() ? file.name : file.name + "#" + split.fragment);
        r.source = split.fragment.empty() ? shown : shown + "#" + split.fragment;
    }
    // A heading that lends its title is a source of the file as a record is: its fragment must not collide.
    for (LentTitle& lent : out.lent_titles) lent.fragment = fragments.unique(lent.fragment);
    return out;
}

std::vector<std::uint64_t> file_learnable_units(std::string_view bytes, const std::string& shown, Format format,
                                                const NormalizeOptions& options) {
    std::optional<std::string> utf8 = utf16_as_utf8(bytes);
    if (utf8) bytes = *utf8;
    if (format == Format::Auto) format = detect_format(shown, bytes.substr(0, 4096));
    return learnable_units(bytes, options, format);
}

}  // namespace qbank::indexer
