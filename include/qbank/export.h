#pragma once
// Marks what libqbank exports; everything else in it is hidden (built with
// -fvisibility=hidden), so its internals never clash with a host program's symbols.

#if defined(__GNUC__) || defined(__clang__)
#define QBANK_API __attribute__((visibility("default")))
#else
#define QBANK_API
#endif
