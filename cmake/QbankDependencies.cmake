# Every third-party dependency, found once and exposed as an imported target.

# Xapian 1.4's config sets XAPIAN_INCLUDE_DIR / XAPIAN_LIBRARIES instead of a target.
find_package(xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  target_include_directories(Xapian::Xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
  target_link_libraries(Xapian::Xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.0 REQUIRED)

find_package(PkgConfig REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
add_library(xxHash::xxhash ALIAS PkgConfig::XXHASH)

# Markdown (md4c) and HTML (gumbo) parsers: Debian ships pkg-config files for both.
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)
add_library(md4c::md4c ALIAS PkgConfig::MD4C)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
add_library(gumbo::gumbo ALIAS PkgConfig::GUMBO)

# qbank serve's HTTP server: Debian builds cpp-httplib as a shared library.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(httplib::httplib ALIAS PkgConfig::HTTPLIB)
