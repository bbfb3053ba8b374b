// Windows only: UTF-8 <-> UTF-16 for the W functions, and the text of a Windows error code.
#pragma once

#include <string>
#include <string_view>

namespace authmigrate::base {

std::wstring wide_from_utf8(std::string_view text);
std::string utf8_from_wide(std::wstring_view text);
// FormatMessageW's text for a GetLastError() code, without the trailing ".\r\n", and the code.
std::string windows_error_text(unsigned long code);

}  // namespace authmigrate::base
