# Fuzzing (tests/fuzz). With AUTHMIGRATE_FUZZ=ON (clang only, a build tree of its own) every target
# of ours gets libFuzzer's coverage, ASan and UBSan, and the fuzz targets become libFuzzer programs:
#   CC=clang CXX=clang++ cmake -G Ninja -S . -B build-fuzz -DAUTHMIGRATE_FUZZ=ON -DAUTHMIGRATE_BUILD_TESTS=OFF
#   cmake --build build-fuzz --target am_fuzzers
# In an ordinary build with tests, the same targets are linked to a replay driver instead and ctest
# runs each over its corpus (labels unit, fuzz), so seeds and kept crashes are regression tests.
option(AUTHMIGRATE_FUZZ "Build the libFuzzer targets of tests/fuzz (clang; instruments every target of ours)" OFF)

if(AUTHMIGRATE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "AUTHMIGRATE_FUZZ needs clang: CC=clang CXX=clang++ cmake -DAUTHMIGRATE_FUZZ=ON ... "
                        "(found ${CMAKE_CXX_COMPILER_ID})")
  endif()
  # am_settings reaches every target of ours. -UNDEBUG: nlohmann's asserts catch misuse.
  # -fno-sanitize=unreachable: see toml++ below (it comes after any option a dependency adds).
  target_compile_options(am_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize=unreachable -fno-sanitize-recover=all -fno-omit-frame-pointer -UNDEBUG)
  target_link_options(am_settings INTERFACE -fsanitize=address,undefined)
  # toml++ compiled into our objects (the same 3.3.0 sources as Debian's shared library), so the
  # fuzzer sees the parser's branches and ASan its memory. Two known toml++ 3.3.0 faults are left
  # out, or the fuzzer would stop at them again and again (tests/fuzz/README.md):
  # - its asserts stay off, as in Debian's (NDEBUG) library: parse_key asserts on a key starting
  #   with a bad character ("[\x01]") that it then reports as a parse error (marzer/tomlplusplus#301);
  # - no UBSan check of __builtin_unreachable (above; our sources have none): toml++ reaches one for
  #   a non-ASCII character where whitespace may be (marzer/tomlplusplus#190, #295; fixed by #305).
  set_property(TARGET tomlplusplus::tomlplusplus PROPERTY INTERFACE_COMPILE_OPTIONS
    -DTOML_HEADER_ONLY=1 "-DTOML_ASSERT(expr)=(void)0")
  add_subdirectory(tests/fuzz)
elseif(AUTHMIGRATE_BUILD_TESTS)
  add_subdirectory(tests/fuzz)
endif()
