// qbank's C++ API in brief: index a folder of interview pages, then search it.
// Usage: search_cpp INDEX_DIR CORPUS_DIR QUERY
#include <qbank/error.h>
#include <qbank/indexer.h>
#include <qbank/searcher.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " INDEX_DIR CORPUS_DIR QUERY\n";
        return 2;
    }
    try {
        qbank::Indexer indexer(argv[1]);  // creates the index; one writer at a time
        indexer.add_path(argv[2]);
        qbank::IndexSummary summary = indexer.commit();  // new, changed and gone files, all at once
        for (const qbank::Diagnostic& problem : summary.problems) std::cerr << problem.to_string() << "\n";
        std::cout << "indexed " << summary.files << " files: " << summary.added << " added\n";

        qbank::Searcher searcher(argv[1]);  // one per thread; many may read one index
        qbank::SearchRequest request;
        request.query = argv[3];
        request.filters = {{"level", "Senior"}};
        request.limit = 3;
        request.fields = {"title", "excerpt"};  // all a list of results shows: no copies of whole records
        request.facets = {"tag"};
        request.facet_limit = 3;  // the three commonest tags among all matches
        qbank::SearchResult result = searcher.search(request);
        std::cout << result.total << " matches\n";
        for (const qbank::Hit& hit : result.hits)
            std::cout << hit.rank << ". " << hit.record.title << "\n   " << hit.excerpt.text << "\n";
        for (const qbank::FacetValue& tag : result.facets["tag"])
            std::cout << "tag " << tag.value << ": " << tag.count << "\n";
        return 0;
    } catch (const qbank::IndexLockedError& e) {  // another program is writing: try again later
        std::cerr << e.what() << "\n";
        return 4;
    } catch (const qbank::Error& e) {  // the message says what is wrong and what to do
        std::cerr << e.what() << "\n";
        return 1;
    }
}
