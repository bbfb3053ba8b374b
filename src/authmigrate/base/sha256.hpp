// SHA-256 of bytes, as lower-case hex: the checksum recorded for each applied migration.
#pragma once

#include <string>
#include <string_view>

namespace authmigrate::base {

std::string sha256_hex(std::string_view bytes);

}  // namespace authmigrate::base
