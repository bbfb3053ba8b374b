# Warnings and sanitizers, linked privately by every target of ours (never by third-party code).
add_library(am_settings INTERFACE)
target_compile_options(am_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Woverloaded-virtual)
if(AUTHMIGRATE_WERROR)
  target_compile_options(am_settings INTERFACE -Werror)
endif()
if(AUTHMIGRATE_SANITIZE)
  string(REPLACE ";" "," _am_san "${AUTHMIGRATE_SANITIZE}")
  target_compile_options(am_settings INTERFACE -fsanitize=${_am_san} -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(am_settings INTERFACE -fsanitize=${_am_san})
endif()

# am_library(NAME folder SOURCES ... DEPS ...): one static library per folder of the core.
function(am_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE am_settings)
endfunction()
