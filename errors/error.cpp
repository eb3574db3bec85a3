#include "qbank/error.h"

namespace qbank {

// Out-of-line destructors anchor each class's vtable and type_info in libqbank,
// so a host program catches them by type across the shared-library boundary.
Error::~Error() = default;
BadInputError::~BadInputError() = default;
IndexMissingError::~IndexMissingError() = default;
IndexLockedError::~IndexLockedError() = default;
IndexIncompatibleError::~IndexIncompatibleError() = default;
IndexCorruptError::~IndexCorruptError() = default;
IndexIOError::~IndexIOError() = default;

}  // namespace qbank
