#include "indexer/file_choice.h"

#include <algorithm>
#include <filesystem>
#include <string>

#include "qbank/format.h"
#include "text/utf8_check.h"

namespace qbank::indexer {
namespace {

constexpr std::string_view kTextExtensions[] = {".txt", ".text"};

constexpr std::string_view kNotPages[] = {
    // code and build files
    ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".vue", ".svelte", ".py", ".rb", ".go", ".rs", ".java", ".kt",
    ".swift", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".php", ".sh", ".bash", ".zsh", ".ps1", ".bat", ".sql",
    ".graphql", ".gradle", ".cmake", ".lua", ".pl", ".r", ".scala", ".dart", ".ex", ".exs", ".elm", ".clj",
    // data and configuration
    ".json", ".json5", ".yml", ".yaml", ".toml", ".ini", ".cfg", ".conf", ".xml", ".csv", ".tsv", ".lock", ".map",
    ".env", ".properties", ".plist",
    // templates and styles
    ".njk", ".hbs", ".ejs", ".liquid", ".pug", ".twig", ".erb", ".jinja", ".j2", ".mustache", ".css", ".scss",
    ".sass", ".less", ".styl",
    // images, media, fonts
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".avif", ".psd", ".mp3",
    ".mp4", ".wav", ".mov", ".webm", ".ogg", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    // archives, office files, binaries
    ".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".jar", ".pdf", ".doc", ".docx", ".ppt", ".pptx",
    ".xls", ".xlsx", ".odt", ".exe", ".dll", ".so", ".dylib", ".o", ".a", ".class", ".pyc", ".wasm", ".bin", ".db",
    ".sqlite",
};

std::string lower_extension(std::string_view path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

FileChoice choose_by_name(std::string_view path) {
    std::string ext = lower_extension(path);
    if (ext.empty()) return FileChoice::Sniff;
    // Extensions detect_format knows: Markdown, HTML, JSON Lines.
    if (detect_format(path, {}) != Format::Text) return FileChoice::Page;
    if (std::find(std::begin(kTextExtensions), std::end(kTextExtensions), ext) != std::end(kTextExtensions))
        return FileChoice::Page;
    if (std::find(std::begin(kNotPages), std::end(kNotPages), ext) != std::end(kNotPages)) return FileChoice::NotPage;
    return FileChoice::Sniff;
}

bool looks_like_text(std::string_view first_bytes) {
    if (first_bytes.find('\0') != std::string_view::npos) return false;
    std::size_t bad = text::first_invalid_utf8(first_bytes);
    // A character cut by the end of the sample is not an error of the file.
    return bad == std::string_view::npos || first_bytes.size() - bad < 4;
}

}  // namespace qbank::indexer
