// A back-edge the layering forbids: the query part may not use the indexer's
// headers. tests/CMakeLists.txt builds this with the query part's include path
// and expects the build to fail on exactly this include.
#include "indexer/json_lines.h"
