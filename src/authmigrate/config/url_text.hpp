// Text-level helpers for database URLs, private to config/: percent-coding, showing raw (possibly
// malformed) URL text without its password, and suggestions for misspelt schemes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace authmigrate::config::url_text {

// Decodes %XX escapes; "+" stays "+" (it is not a space outside HTML forms). A NUL byte (%00) is
// refused like libpq does. On failure: the offending escape as written ("%zz", "%4", "%00").
tl::expected<std::string, std::string> percent_decode(std::string_view raw);

// Percent-encodes spaces, control bytes, "%" and every character in `reserved`.
std::string percent_encode(std::string_view text, std::string_view reserved);

// The raw URL text made safe to show: the userinfo password masked as "****" before any decoding
// (also when it holds an unencoded "/", "?", "#" or "@"), password= parameters masked, and control
// characters escaped. When unsure whether something is a password, it is masked.
std::string display_url(std::string_view raw);

// Query parameters whose values are secrets ("password", libpq's "sslpassword").
bool is_secret_param(std::string_view key);

// RFC 3986 scheme syntax: a letter, then letters, digits, "+", "-" or ".".
bool is_scheme_syntax(std::string_view text);

// The known scheme closest to a misspelt one, when one is close enough to suggest.
std::optional<std::string_view> closest_scheme(std::string_view scheme);

}  // namespace authmigrate::config::url_text
