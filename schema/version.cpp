#include "qbank/version.h"

#include "schema/fields.h"

namespace qbank {

std::string_view version() noexcept { return QBANK_VERSION_STRING; }

int schema_version() noexcept { return schema::kSchemaVersion; }

}  // namespace qbank
