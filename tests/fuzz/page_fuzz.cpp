// libFuzzer target: file bytes of any format -> records (the normalizer, the text
// page parser, the Markdown and HTML renderers, the question splitter, the JSON
// Lines reader). The first byte picks the format, the rest is the file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/file_records.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    constexpr qbank::Format kFormats[] = {qbank::Format::Auto, qbank::Format::Text, qbank::Format::Markdown,
                                          qbank::Format::Html, qbank::Format::JsonLines};
    qbank::Format format = kFormats[data[0] % std::size(kFormats)];
    std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    qbank::indexer::parse_file_bytes(bytes, {"fuzz/page", "/fuzz/page", "fuzz/page"}, format, {}, nullptr);
    return 0;
}
