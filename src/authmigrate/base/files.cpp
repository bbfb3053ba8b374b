// The portable part of files.hpp: paths to and from UTF-8.
#include <authmigrate/base/files.hpp>

namespace authmigrate::base {

std::string path_utf8(const std::filesystem::path& path) {
  auto text = path.u8string();
  return std::string(text.begin(), text.end());
}

std::filesystem::path path_from_utf8(std::string_view text) {
  return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

}  // namespace authmigrate::base
