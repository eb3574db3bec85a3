#include "schema/text_analysis.h"

#include "schema/text_fold.h"
#include "schema/word_segment.h"

namespace qbank::schema {

std::string analyzable_text(std::string_view text) { return segment_words(fold(text)); }

}  // namespace qbank::schema
