// What the fuzz targets share: turning the input into text, and a check that aborts (a crash to
// libFuzzer, a failed test to the replay driver) with a message saying which property broke.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace authmigrate::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void property_broken(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz property broken: %s\n  %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline size_t count_of(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace authmigrate::fuzz

// Unlike assert(), on in every build type.
#define AM_FUZZ_CHECK(condition, detail)                                        \
  do {                                                                          \
    if (!(condition)) ::authmigrate::fuzz::property_broken(#condition, detail); \
  } while (0)
