#include "qbank/shards.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <xapian.h>

#include "errors/index_errors.h"
#include "indexer/folder_swap.h"
#include "indexer/spelling_word.h"
#include "qbank/error.h"

namespace qbank {

namespace fs = std::filesystem;

namespace {

// The stub file's line for one shard, in Xapian's format ("auto PATH", "remote HOST:PORT").
std::string stub_line(const std::string& shard) {
    if (shard.starts_with("local:")) {
        fs::path path = shard.substr(6);
        std::error_code error;
        if (path.empty() || !fs::exists(path / "iamglass", error))
            throw BadInputError("shard " + shard + ": no index at " + path.string() +
                                ": build it first with qbank index --shard K/N --db " + path.string());
        return "auto " + fs::absolute(path).lexically_normal().string();
    }
    if (shard.starts_with("remote:")) {
        std::string address = shard.substr(7);
        std::size_t colon = address.rfind(':');
        unsigned port = 0;
        const char* end = address.data() + address.size();
        bool numeric = colon != std::string::npos && colon > 0 &&
                       std::from_chars(address.data() + colon + 1, end, port).ptr == end;
        if (!numeric || port == 0 || port > 65535)
            throw BadInputError("shard " + shard + ": give the address as remote:HOST:PORT (remote:10.0.0.2:7001)");
        return "remote " + address;
    }
    throw BadInputError("shard '" + shard + "' is neither local:PATH nor remote:HOST:PORT");
}

// Spelling data of the shards listed in `stub`, as one index of their documents
// holds it: each word with the number of documents that hold it, read from the
// shards' terms, which cross the wire where spelling data does not (Xapian 1.4).
void write_lexicon(const fs::path& stub, const fs::path& lexicon) {
    Xapian::Database shards;
    try {
        shards = Xapian::Database(stub.string());
    } catch (const Xapian::Error& e) {
        throw BadInputError("cannot open the shards of stub " + stub.string() + ": " + errors::what_went_wrong(e) +
                            ": start every shard's server, or leave it out");
    }
    Xapian::WritableDatabase out(lexicon.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    // Words are the unprefixed terms (prefixes are capitals): listed by first byte,
    // so that no prefixed term is sent.
    for (int first = 1; first < 256; ++first) {
        if (first >= 'A' && first <= 'Z') continue;
        const std::string start(1, static_cast<char>(first));
        for (auto it = shards.allterms_begin(start); it != shards.allterms_end(start); ++it)
            if (indexer::is_spelling_word(*it)) out.add_spelling(*it, it.get_termfreq());
    }
    out.commit();
}

}  // namespace

void write_shard_stub(const std::string& stub, const std::vector<std::string>& shards) {
    if (shards.empty()) throw BadInputError("a stub needs one shard at least: local:PATH or remote:HOST:PORT");
    std::string lines;
    for (const std::string& shard : shards) lines += stub_line(shard) + "\n";
    const fs::path folder = indexer::index_folder(stub);
    const fs::path fresh = folder.string() + ".writing";
    std::error_code error;
    if (fs::exists(folder, error) && !fs::exists(folder / "XAPIANDB", error))
        throw BadInputError(folder.string() + " is no stub (it holds no XAPIANDB): choose another path");
    try {
        fs::remove_all(fresh);
        fs::create_directories(fresh);
        {
            std::ofstream out(fresh / "XAPIANDB", std::ios::binary);
            out << lines;
            out.close();
            if (!out) throw fs::filesystem_error("cannot write", fresh / "XAPIANDB", std::make_error_code(std::errc::io_error));
        }
        write_lexicon(fresh, fresh / "lexicon");
        if (fs::exists(folder)) {
            indexer::swap_folders(folder, fresh);
            fs::remove_all(fresh);  // the old stub
        } else {
            fs::rename(fresh, folder);
        }
    } catch (const fs::filesystem_error& e) {
        std::error_code ignored;
        fs::remove_all(fresh, ignored);
        throw IndexIOError("cannot write stub " + folder.string() + ": " + e.code().message());
    } catch (const Xapian::Error& e) {
        std::error_code ignored;
        fs::remove_all(fresh, ignored);
        throw IndexIOError("cannot write the lexicon of stub " + folder.string() + ": " + errors::what_went_wrong(e));
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(fresh, ignored);
        throw;
    }
}

}  // namespace qbank
