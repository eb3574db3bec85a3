#include "schema/stored_record.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "qbank/error.h"

namespace qbank::schema {

namespace {

// What damaged data throws inside this file.
struct Damaged : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr char kFormat = '\x01';  // bumped with any change of layout, beside the schema version
constexpr unsigned char kNone = 0xFF;  // an absent level

void put_count(std::string& out, std::size_t n) {
    do {
        unsigned char byte = n & 0x7F;
        n >>= 7;
        out += static_cast<char>(n != 0 ? byte | 0x80 : byte);
    } while (n != 0);
}

void put(std::string& out, std::string_view s) {
    put_count(out, s.size());
    out.append(s);
}

void put_level(std::string& out, const std::optional<Level>& level) {
    out += static_cast<char>(level ? static_cast<unsigned char>(*level) : kNone);
}

void put_strings(std::string& out, const std::vector<std::string>& strings) {
    put_count(out, strings.size());
    for (const std::string& s : strings) put(out, s);
}

// Reads the stored form; every read is bounds-checked, so damaged data is an
// error and never a crash.
class Reader {
public:
    explicit Reader(std::string_view data) : in_(data) {}

    unsigned char byte() {
        need(1);
        unsigned char b = static_cast<unsigned char>(in_.front());
        in_.remove_prefix(1);
        return b;
    }
    std::size_t number() {
        std::size_t n = 0;
        for (int shift = 0;; shift += 7) {
            if (shift > 56) throw Damaged("number out of range");
            unsigned char b = byte();
            n |= static_cast<std::size_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        return n;
    }
    // The length of a string or list: each byte or item takes a byte at least.
    std::size_t count() {
        std::size_t n = number();
        if (n > in_.size()) throw Damaged("length past the end");
        return n;
    }
    std::string string() {
        std::size_t n = count();
        std::string s(in_.substr(0, n));
        in_.remove_prefix(n);
        return s;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> out(count());
        for (std::string& s : out) s = string();
        return out;
    }
    std::optional<Level> level() {
        unsigned char b = byte();
        if (b == kNone) return std::nullopt;
        if (b > static_cast<unsigned char>(Level::StaffPlus)) throw Damaged("unknown level");
        return static_cast<Level>(b);
    }
    template <class Enum>
    Enum of(Enum last, const char* what) {
        unsigned char b = byte();
        if (b > static_cast<unsigned char>(last)) throw Damaged(std::string("unknown ") + what);
        return static_cast<Enum>(b);
    }
    bool done() const { return in_.empty(); }

private:
    void need(std::size_t n) const {
        if (in_.size() < n) throw Damaged("data ends early");
    }
    std::string_view in_;
};

Record read_record(std::string_view data) {
    Reader in(data);
    if (in.byte() != static_cast<unsigned char>(kFormat)) throw Damaged("not qbank's record format");
    Record r;
    r.id = in.string();
    r.source = in.string();
    r.title = in.string();
    r.question = in.string();
    if (in.byte() != 0) r.category = in.string();
    r.level = in.level();
    r.tags = in.strings();
    r.lang = in.string();
    r.sections.resize(in.count());
    for (Section& s : r.sections) {
        s.heading = in.string();
        s.kind = in.of(SectionKind::Other, "section kind");
        s.level = in.level();
        s.text = in.string();
    }
    r.removed.resize(in.count());
    for (RemovedBlock& b : r.removed) {
        b.text = in.string();
        b.count = static_cast<int>(std::min<std::size_t>(in.number(), std::numeric_limits<int>::max()));
        b.scope = in.of(RemovedBlock::Scope::Chrome, "removed block scope");
    }
    r.duplicates = in.strings();
    r.other_titles = in.strings();
    if (!in.done()) throw Damaged("bytes after the record");
    return r;
}

}  // namespace

std::string stored_record_data(const Record& r) {
    std::string out(1, kFormat);
    std::size_t size = r.id.size() + r.source.size() + r.title.size() + r.question.size();
    for (const Section& s : r.sections) size += s.heading.size() + s.text.size() + 8;
    out.reserve(size + 64);
    put(out, r.id);
    put(out, r.source);
    put(out, r.title);
    put(out, r.question);
    out += static_cast<char>(r.category ? 1 : 0);
    if (r.category) put(out, *r.category);
    put_level(out, r.level);
    put_strings(out, r.tags);
    put(out, r.lang);
    put_count(out, r.sections.size());
    for (const Section& s : r.sections) {
        put(out, s.heading);
        out += static_cast<char>(s.kind);
        put_level(out, s.level);
        put(out, s.text);
    }
    put_count(out, r.removed.size());
    for (const RemovedBlock& b : r.removed) {
        put(out, b.text);
        put_count(out, static_cast<std::size_t>(std::max(b.count, 0)));
        out += static_cast<char>(b.scope);
    }
    put_strings(out, r.duplicates);
    put_strings(out, r.other_titles);
    return out;
}

Record stored_record(const Xapian::Document& doc) {
    try {
        return read_record(doc.get_data());
    } catch (const Damaged& e) {
        throw IndexCorruptError("stored record of document " + std::to_string(doc.get_docid()) +
                                " is damaged (" + e.what() + "): rebuild the index from its files");
    }
}

}  // namespace qbank::schema
