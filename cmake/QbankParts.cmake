# A part of the library is a folder of the source tree built as one object
# library, qbank_<folder>. Code names headers from the project root
# ("schema/fields.h"), but no target has the root on its include path: each sees
# the folders it may use through a directory of links made for it alone, so an
# include the top-level table does not allow fails to build.

# Makes `target` see the headers of `folders` (and the public include/).
function(qbank_sees target)
  foreach(folder IN LISTS ARGN)
    set(view ${PROJECT_BINARY_DIR}/views/${folder})
    if(NOT EXISTS ${view}/${folder})
      file(MAKE_DIRECTORY ${view})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${view}/${folder} SYMBOLIC)
    endif()
    target_include_directories(${target} PRIVATE ${view})
  endforeach()
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include)
endfunction()

# qbank_part(NAME [USES PART...]): the object library of folder NAME, which
# sees its own headers and those of the parts it USES (list every part whose
# headers it includes, directly or through another part's headers).
function(qbank_part name)
  cmake_parse_arguments(PART "" "" "USES" ${ARGN})
  add_library(qbank_${name} OBJECT)
  qbank_sees(qbank_${name} ${name} ${PART_USES})
  set_property(GLOBAL APPEND PROPERTY QBANK_PARTS ${name})
endfunction()
