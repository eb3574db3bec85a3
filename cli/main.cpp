// qbank: the command-line client of the qbank library. It parses flags, calls
// the library and prints; all indexing and search logic lives in the library.

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <algorithm>
#include <optional>
#include <sstream>

#include "cli/db_location.h"
#include "cli/error_report.h"
#include "cli/exit_codes.h"
#include "cli/progress_bar.h"
#include "cli/text_output.h"
#include "qbank/error.h"
#include "qbank/indexer.h"
#include "qbank/json.h"
#include "qbank/maintenance.h"
#include "cli/terminal_text.h"
#include "qbank/page.h"
#include "qbank/searcher.h"
#include "qbank/shards.h"
#include "qbank/version.h"

namespace qbank::cli {
namespace {

struct Options {
    std::string db;
    bool json = false;
    std::vector<std::string> files;
    std::vector<std::string> paths;
    IndexOptions index;
    std::vector<std::string> query;  // every word after `search`: `qbank search react hooks`
    // search and related: the request as options set it, then the options it parses.
    SearchRequest request;
    std::vector<std::string> filters;
    std::string sort = "relevance";
    std::vector<std::string> fields;
    std::string id;
    std::string format = "auto";
    bool all = false;
    SearcherOptions searcher;
    std::string stub;                 // shards write
    std::vector<std::string> shards;  // shards write: local:PATH, remote:HOST:PORT
    bool allow_partial = false;       // search, related, stats: results without a missing shard exit 0
    std::optional<std::size_t> facet_limit;  // search, related: --facet-limit
};

// Each file in turn; a file with problems is reported and the others still printed.
int run_normalize(const Options& o) {
    TextStyle style = style_for_stdout();
    bool problems = false, first = true;
    for (const std::string& path : o.files) {
        FileResult file = read_records(path, o.index.format, o.index.normalize, o.index.max_bytes);
        for (const Diagnostic& d : file.problems) std::cerr << kProgram << ": " << printable(d.to_string()) << "\n";
        problems = problems || !file.problems.empty();
        for (const Record& record : file.records) {
            if (o.json) {
                std::cout << record_to_json(record) << "\n";  // JSON Lines: what `index` reads back
            } else {
                if (!first) std::cout << "\n";
                print_record(std::cout, record, style);
            }
            first = false;
        }
    }
    return problems ? kInputSkipped : kOk;
}

constexpr std::size_t kMaxLimit = 10000;
constexpr std::size_t kStatsTop = 10;  // facet values 'qbank stats' shows by default
// Facet values a search shows in text unless --facet-limit says: a line a person
// reads, as many as JSON returns by default (SearchRequest::facet_limit).
constexpr std::size_t kTextFacetValues = kDefaultFacetLimit;
constexpr std::size_t kMaxOffset = 1'000'000'000;
constexpr std::size_t kMaxExcerptChars = 100'000;

// A count of hits: a whole number from 0 to `max`, said in words when it is not one.
CLI::Validator count_up_to(std::size_t max) {
    return CLI::Validator(
        [max](std::string& value) -> std::string {
            bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
            if (!digits) return "wants a whole number, 0 or more; got '" + value + "'";
            if (value.size() > 10 || std::stoull(value) > max)
                return "wants at most " + std::to_string(max) + "; got " + value;
            return {};
        },
        "0-" + std::to_string(max));
}

// Letters to change, add or drop to turn one word into another.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// "unknown command 'serach'; did you mean 'search'?" when the first word that is
// not an option names no command.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
    constexpr std::size_t kMaxEdits = 2;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--db") {
            ++i;
            continue;
        }
        if (arg.starts_with("-")) continue;
        std::vector<CLI::App*> commands = app.get_subcommands([](CLI::App*) { return true; });
        std::string closest;
        std::size_t best = kMaxEdits + 1;
        for (CLI::App* command : commands) {
            if (command->get_name() == arg) return std::nullopt;
            if (std::size_t d = edit_distance(arg, command->get_name()); d < best) {
                best = d;
                closest = command->get_name();
            }
        }
        std::string message = "unknown command '" + arg + "'";
        if (!closest.empty()) message += "; did you mean '" + closest + "'?";
        return message;
    }
    return std::nullopt;
}

Format parse_format(const std::string& name) {
    if (auto format = format_from_string(name)) return *format;
    throw BadInputError("--format wants " + format_choices() + ", got '" + name + "'");
}

int run_index(const Options& o, const std::string& db) {
    // A mistyped path must not leave an empty index behind for searches to find nothing in.
    for (const std::string& path : o.paths) {
        std::error_code ec;
        if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
            return fail("no such file or folder: " + path + " (nothing was indexed)", kUsage);
    }
    IndexOptions options = o.index;
    std::optional<ProgressBar> bar;
    if (isatty(fileno(stderr)) != 0) {
        bar.emplace(stderr);
        options.on_progress = [&](const IndexProgress& p) { bar->update(p); };
    }
    Indexer indexer(db, options);
    for (const std::string& path : o.paths) indexer.add_path(path);
    IndexSummary summary = indexer.commit();
    if (bar) bar->clear();
    for (const Diagnostic& d : summary.problems) std::cerr << kProgram << ": " << printable(d.to_string()) << "\n";
    if (o.json) {
        std::cout << index_summary_to_json(summary) << "\n";
    } else {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
        std::cout << "indexed " << summary.files << (summary.files == 1 ? " file" : " files") << " into " << printable(db)
                  << ": " << summary.added << " added, " << summary.updated << " updated, "
                  << summary.unchanged << " unchanged, " << summary.removed << " removed, " << summary.duplicates
                  << " duplicates, " << summary.ignored << " ignored (not pages), " << summary.problems.size()
                  << " skipped in " << seconds << " s\n";
        for (const BoilerplateReport& b : summary.boilerplate)
            std::cout << "  removed boilerplate from " << b.pages << (b.pages == 1 ? " page: " : " pages: ") << printable(b.text)
                      << "\n";
    }
    return summary.problems.empty() ? kOk : kInputSkipped;
}

// The request search and related make of their options.
SearchRequest request_of(const Options& o) {
    SearchRequest request = o.request;
    for (const std::string& spec : o.filters) request.filters.push_back(parse_filter(spec));
    request.sort = parse_sort(o.sort);
    if (!o.fields.empty()) request.fields = o.fields;
    // Text shows the commonest values and "…" when there are more: one more is asked for to know.
    request.facet_limit = o.facet_limit ? *o.facet_limit : o.json ? request.facet_limit : kTextFacetValues + 1;
    return request;
}

// A warning per shard of a stub that did not answer; whether the exit says so.
bool warn_missing(const std::vector<MissingShard>& missing, const Options& o) {
    for (const MissingShard& m : missing)
        std::cerr << kProgram << ": warning: shard " << printable(m.shard) << " did not answer (" << printable(m.error)
                  << "): the results are the other shards' only\n";
    return !missing.empty() && !o.allow_partial;
}

int print_result(const SearchRequest& request, const Options& o, const SearchResult& result) {
    if (o.json) std::cout << search_result_to_json(result, request) << "\n";
    else print_search_result(std::cout, result, style_for_stdout(), o.facet_limit ? 0 : kTextFacetValues);
    if (warn_missing(result.missing_shards, o)) return kShardsMissing;
    // Like grep: 1 unless the query as typed matched; corrected or relaxed hits are shown, and say so.
    bool as_typed = result.total > 0 && !result.corrected_query && !result.relaxed;
    return as_typed ? kOk : kNoHits;
}

int run_search(const Options& o, const std::string& db) {
    Searcher searcher(db, o.searcher);
    SearchRequest request = request_of(o);
    for (const std::string& word : o.query) request.query += (request.query.empty() ? "" : " ") + word;
    return print_result(request, o, searcher.search(request));
}

int run_related(const Options& o, const std::string& db) {
    Searcher searcher(db, o.searcher);
    SearchRequest request = request_of(o);
    std::optional<SearchResult> related = searcher.related(o.id, request);
    if (!related) return fail("no question with id '" + o.id + "' in " + db, kNoHits);
    return print_result(request, o, *related);
}

// The options of commands that read a stub of shards.
void add_shard_options(CLI::App* command, Options& o) {
    command->add_flag("--allow-partial", o.allow_partial,
                      "exit 0 when a shard of the stub does not answer (the others' results are shown either way)");
    command->add_option("--shard-timeout", o.searcher.shard_timeout,
                        "seconds a remote shard has to connect and to answer before it counts as missing (default: 10)")
        ->check(CLI::Range(0.001, 3600.0));
}

// The options search and related share: which hits, in which order, carrying what.
// One value per option, so that the query's words after it stay the query.
void add_result_options(CLI::App* command, Options& o) {
    SearchRequest& r = o.request;
    command->add_option("--filter", o.filters,
                        "FIELD:VALUE, e.g. level:Senior (repeatable: one field's values OR, different fields AND)")
        ->allow_extra_args(false);
    command->add_option("--limit", r.limit, "hits to show (default: " + std::to_string(r.limit) + ")")
        ->check(count_up_to(kMaxLimit));
    command->add_option("--offset", r.offset, "hits to skip (default: 0)")->check(count_up_to(kMaxOffset));
    command->add_option("--sort", o.sort, "relevance (default), level or source; add :desc to reverse (level:desc)");
    std::string fields;
    for (const std::string& f : kDefaultHitFields) fields += (fields.empty() ? "" : ",") + f;
    command->add_option("--fields", o.fields,
                        "hit fields to return, comma-separated (default: " + fields +
                            "; also sections, removed)")
        ->delimiter(',')
        ->allow_extra_args(false);
    command->add_option("--excerpt-chars", r.excerpt_chars,
                        "excerpt length to aim for (default: " + std::to_string(r.excerpt_chars) + ")")
        ->check(count_up_to(kMaxExcerptChars));
    command->add_option("--facet-limit", o.facet_limit,
                        "values shown per facet, the most common (default: " + std::to_string(kTextFacetValues) +
                            "; 0: all)")
        ->check(count_up_to(kMaxLimit));
    command->add_option("--highlight-open", r.highlight_open,
                        "put before each highlighted word in JSON excerpts (default: <mark>)");
    command->add_option("--highlight-close", r.highlight_close, "put after it (default: </mark>)");
    command->add_flag("--json", o.json, "print JSON (schema/search.schema.json)");
    command->add_flag("--explain", r.explain, "show which terms matched in which fields, and their part of each score");
    add_shard_options(command, o);
}

int run_show(const Options& o, const std::string& db) {
    Searcher searcher(db);
    std::optional<Record> record = searcher.find(o.id);
    if (!record) return fail("no question with id '" + o.id + "' in " + db, kNoHits);
    if (o.json) std::cout << record_to_json(*record, 2) << "\n";
    else print_record(std::cout, *record, style_for_stdout());
    return kOk;
}

int run_check(const Options& o, const std::string& db) {
    CheckReport report = check_index(db);
    if (o.json) {
        std::cout << check_report_to_json(report) << "\n";
    } else {
        for (const std::string& problem : report.problems) std::cerr << kProgram << ": " << printable(db + ": " + problem) << "\n";
        if (report.ok())
            std::cout << printable(db) << ": ok, " << report.documents << " documents"
                      << (report.tables_checked ? "" : " (tables not checked: the index cannot be written)") << "\n";
    }
    if (!report.ok())
        std::cerr << kProgram << ": index " << printable(db) << " is damaged\n"
                  << "  rebuild it with: qbank index --full --db " << printable(db) << " PATH...\n";
    return report.ok() ? kOk : kIndexUnusable;
}

int run_compact(const std::string& db) {
    CompactReport report = compact_index(db);
    char line[128];
    std::snprintf(line, sizeof line, "%.1f MB -> %.1f MB", static_cast<double>(report.bytes_before) / 1e6,
                  static_cast<double>(report.bytes_after) / 1e6);
    std::cout << "compacted " << printable(db) << ": " << line << "\n";
    return kOk;
}

int run_stats(const Options& o, const std::string& db) {
    Searcher searcher(db, o.searcher);
    IndexStats stats = searcher.stats();
    if (o.json) std::cout << stats_to_json(stats) << "\n";
    else print_stats(std::cout, stats, o.all ? 0 : kStatsTop);
    return warn_missing(stats.missing_shards, o) ? kShardsMissing : kOk;
}

// Runs qbank-serve from qbank's own folder (as built and as installed), else from
// PATH, with the arguments after `serve` (and --db when it came before `serve`).
int exec_serve(const std::string& db_flag, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"qbank-serve"};
    if (!db_flag.empty()) argv.insert(argv.end(), {"--db", db_flag});
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (std::string& a : argv) pointers.push_back(a.data());
    pointers.push_back(nullptr);
    std::error_code ec;
    std::filesystem::path beside = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / "qbank-serve";
    if (!ec) execv(beside.c_str(), pointers.data());
    if (ec || errno == ENOENT) execvp("qbank-serve", pointers.data());
    return fail("cannot run qbank-serve, the server of 'qbank serve' (" + std::string(std::strerror(errno)) +
                    "): install it beside qbank or on PATH",
                kUsage);
}

}  // namespace
}  // namespace qbank::cli

int main(int argc, char** argv) {
    using namespace qbank::cli;
    Options o;
    CLI::App app{"qbank: full-text search over interview questions", kProgram};
    app.set_version_flag("--version", "qbank " + std::string(qbank::version()) + " (index schema " +
                                          std::to_string(qbank::schema_version()) + ")");
    app.require_subcommand(1);
    app.fallthrough();  // --db may come before or after the subcommand
    app.add_option("--db", o.db, "index folder (default: $QBANK_DB, else $XDG_DATA_HOME/qbank/index)");

    std::string format_help = "auto (by extension and content)";
    for (const qbank::FormatInfo& f : qbank::formats()) format_help += ", " + std::string(f.name);
    format_help += "; see 'qbank formats'";
    auto* normalize = app.add_subcommand("normalize", "print the records files normalize to, without an index");
    normalize->add_option("FILE", o.files, "scraped pages, Markdown handbooks, HTML pages or JSON Lines files")->required();
    normalize->add_option("--format", o.format, format_help);
    normalize->add_flag("--json", o.json, "print JSON Lines, one record per line (schema/record.schema.json)");

    auto* index = app.add_subcommand("index", "add or replace pages in the index");
    index->add_option("PATH", o.paths, "files or folders (recursive)")->required();
    index->add_flag("--full", o.index.full, "drop every document and reparse everything");
    index->add_flag_callback("--no-prune", [&o] { o.index.prune = false; },
                             "keep documents whose file is gone from an indexed folder");
    index->add_option("--format", o.format, format_help + " (default: auto)");
    index->add_option("--exclude", o.index.exclude,
                      "skip entries matching this glob in folders, e.g. 'LICENSE*' or 'drafts/*' (repeatable)")
        ->allow_extra_args(false);
    index->add_option("--jobs", o.index.jobs, "threads that read and parse pages (default: one per core)")
        ->check(CLI::Range(1u, 1024u));
    index->add_option("--max-bytes", o.index.max_bytes, "skip files larger than this (default: 16 MiB)")
        ->check(CLI::PositiveNumber);
    index->add_option("--flush-every", o.index.flush_every,
                      "changes held in memory at once; a run of more is written beside the index (default: 200)")
        ->check(CLI::Range(1u, 1000000u));
    index->add_option("--boilerplate-min-pages", o.index.boilerplate_min_pages,
                      "a sentence on at least this many pages may be boilerplate (default: 5)");
    index->add_option("--boilerplate-min-share", o.index.boilerplate_min_share,
                      "... and on at least this share of the pages parsed (default: 0.1)")
        ->check(CLI::Range(0.0, 1.0));
    index->add_option_function<std::string>(
              "--shard",
              [&o](const std::string& spec) {
                  unsigned k = 0, n = 0;
                  char slash = 0, rest = 0;
                  std::istringstream in(spec);
                  if (!(in >> k >> slash >> n) || slash != '/' || (in >> rest) || k == 0 || k > n)
                      throw CLI::ValidationError("--shard", "'" + spec + "' is no shard: give K/N with 1 <= K <= N (2/3)");
                  o.index.shard = {k, n};
              },
              "index only the records whose id hashes to shard K of N (K/N), for a stub of shards (qbank shards)")
        ->type_name("K/N");
    index->add_flag("--json", o.json, "print the summary as JSON (schema/index_summary.schema.json)");

    auto* search = app.add_subcommand("search", "search the index");
    search->add_option("QUERY", o.query, "words, \"phrases\", AND/OR/NOT, field:value (no quotes needed around words)")
        ->required();
    add_result_options(search, o);
    search->add_option("--synonyms", o.searcher.synonym_files,
                       "a file of synonym groups to add to the shipped ones, one group per line: pm, product manager "
                       "(repeatable)")
        ->allow_extra_args(false);

    search->add_option("--bm25-k1", o.searcher.bm25_k1, "BM25 k1, to tune ranking on another corpus (default: 2.0)")
        ->check(CLI::Range(0.0, 100.0));
    search->add_option("--bm25-b", o.searcher.bm25_b, "BM25 b, to tune ranking on another corpus (default: 0.3)")
        ->check(CLI::Range(0.0, 1.0));

    auto* related = app.add_subcommand("related", "questions most like one question");
    related->add_option("ID", o.id, "id from search output")->required();
    add_result_options(related, o);

    auto* show = app.add_subcommand("show", "print one stored question");
    show->add_option("ID", o.id, "id from search output")->required();
    show->add_flag("--json", o.json, "print JSON (schema/record.schema.json)");

    auto* check = app.add_subcommand("check", "verify the index; exit 5 if it is damaged");
    check->add_flag("--json", o.json, "print the report as JSON");

    app.add_subcommand("compact", "rewrite the index compactly, in place, while searches go on");

    auto* stats = app.add_subcommand("stats", "document count and facet totals");
    stats->add_flag("--json", o.json, "print JSON (schema/stats.schema.json)");
    stats->add_flag("--all", o.all, "every value of each facet, not the " + std::to_string(kStatsTop) + " commonest");
    add_shard_options(stats, o);

    // The server is a program of its own, qbank-serve, so that searches from the
    // command line load no HTTP, TLS or compression library: its options are its own.
    auto* serve = app.add_subcommand("serve", "answer searches over HTTP: a JSON API, and a page to search with at /"
                                              " (qbank serve --help)");
    serve->prefix_command();
    serve->set_help_flag();
    serve->fallthrough(false);

    app.add_subcommand("formats", "the input formats: which files each reads and the records they make");
    auto* shards = app.add_subcommand("shards", "a collection in several shards, searched as one");
    auto* shards_write = shards->add_subcommand(
        "write", "write a stub listing the shards; search it with --db STUB (replaces a stub there at once)");
    shards->require_subcommand(1);
    shards_write->add_option("STUB", o.stub, "the stub folder to write")->required();
    shards_write->add_option("SHARD", o.shards, "local:PATH (an index) or remote:HOST:PORT (xapian-tcpsrv)")
        ->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kOk : kUsage;  // --help, --version
        std::optional<std::string> unknown = unknown_command(app, argc, argv);
        fail(unknown ? *unknown : std::string(e.what()), kUsage);
        std::cerr << "  see 'qbank --help', or 'qbank COMMAND --help'\n";
        return kUsage;
    }

    std::string db = resolve_db_path(o.db);
    try {
        o.index.format = parse_format(o.format);
        if (normalize->parsed()) return run_normalize(o);
        if (index->parsed()) return run_index(o, db);
        if (search->parsed()) return run_search(o, db);
        if (related->parsed()) return run_related(o, db);
        if (show->parsed()) return run_show(o, db);
        if (check->parsed()) return run_check(o, db);
        if (app.got_subcommand("compact")) return run_compact(db);
        if (serve->parsed()) return exec_serve(o.db, serve->remaining());
        if (shards_write->parsed()) {
            qbank::write_shard_stub(o.stub, o.shards);
            std::cout << "wrote stub " << printable(o.stub) << ": " << o.shards.size() << " shards\n";
            return kOk;
        }
        if (app.got_subcommand("formats")) {
            print_formats(std::cout);
            return kOk;
        }
        return run_stats(o, db);
    } catch (const qbank::Error& e) {
        return report(e, db, o.db);
    } catch (const std::exception& e) {
        return fail(std::string("internal error: ") + e.what(), kUsage);
    }
}
