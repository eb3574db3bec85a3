#pragma once
// Fixed-width little-endian integers, the byte order of every binary value and
// metadata entry qbank stores (slots Source and Fingerprint, qbank.boilerplate).

#include <cstdint>
#include <string>
#include <string_view>

namespace qbank::schema {

inline void append_le(std::string& out, std::uint64_t value, int bytes = 8) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

// Reads `bytes` bytes at the front of `in`; `in` must hold that many.
inline std::uint64_t read_le(std::string_view in, int bytes = 8) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    return value;
}

}  // namespace qbank::schema
