#include "query/shard_open.h"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "errors/index_errors.h"
#include "qbank/error.h"

namespace qbank::query {

namespace fs = std::filesystem;

namespace {

struct Shard {
    std::string name;  // as `qbank shards write` takes it
    std::string kind;  // Xapian's word: "auto", "glass", "chert" or "remote"
    std::string where;
};

// Xapian's stub format, one shard per line: "auto PATH" (a path relative to the
// stub's folder), "remote HOST:PORT" or "remote :PROGRAM ARGS".
std::vector<Shard> read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    if (!in) throw IndexIOError("cannot read stub " + stub.string());
    std::vector<Shard> shards;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        std::size_t space = line.find(' ');
        Shard s{"", line.substr(0, space), space == std::string::npos ? "" : line.substr(space + 1)};
        if (s.where.empty() || (s.kind != "auto" && s.kind != "glass" && s.kind != "chert" && s.kind != "remote"))
            throw IndexCorruptError("stub " + stub.string() + ":" + std::to_string(number) + ": '" + line +
                                    "' is no shard: rewrite the stub with qbank shards write");
        if (s.kind != "remote") s.where = (stub.parent_path() / s.where).lexically_normal().string();
        s.name = (s.kind == "remote" ? "remote:" : "local:") + s.where;
        shards.push_back(std::move(s));
    }
    return shards;
}

Xapian::Database open_shard(const Shard& s, std::optional<double> timeout_seconds) {
    if (s.kind != "remote") return Xapian::Database(s.where);
    const auto ms = static_cast<unsigned>(timeout_seconds.value_or(10.0) * 1000);
    if (s.where.starts_with(':')) {
        std::size_t space = s.where.find(' ');
        std::string program = s.where.substr(1, space == std::string::npos ? std::string::npos : space - 1);
        return Xapian::Remote::open(program, space == std::string::npos ? "" : s.where.substr(space + 1), ms);
    }
    std::size_t colon = s.where.rfind(':');
    unsigned port = 0;
    const char* end = s.where.data() + s.where.size();
    if (colon == std::string::npos || std::from_chars(s.where.data() + colon + 1, end, port).ptr != end || port == 0)
        throw Xapian::NetworkError("no port in " + s.where);
    return Xapian::Remote::open(s.where.substr(0, colon), port, ms, ms);
}

}  // namespace

OpenedIndex open_index(const std::string& path, std::optional<double> timeout_seconds) {
    const fs::path stub = fs::path(path) / "XAPIANDB";
    std::error_code error;
    if (!fs::exists(stub, error)) return {Xapian::Database(path), false, {}, std::nullopt};
    OpenedIndex opened;
    opened.stub = true;
    std::string why;
    for (const Shard& s : read_stub(stub)) {
        try {
            opened.db.add_database(open_shard(s, timeout_seconds));
        } catch (const Xapian::Error& e) {
            opened.missing_shards.push_back({s.name, errors::what_went_wrong(e)});
        }
    }
    if (opened.db.size() == 0)
        throw IndexIOError("no shard of stub " + path + " answers: " + [&] {
            std::string all;
            for (const MissingShard& m : opened.missing_shards) all += (all.empty() ? "" : "; ") + m.shard + ": " + m.error;
            return all;
        }());
    if (fs::exists(fs::path(path) / "lexicon", error)) opened.lexicon = Xapian::Database((fs::path(path) / "lexicon").string());
    return opened;
}

}  // namespace qbank::query
