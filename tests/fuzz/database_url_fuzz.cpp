// Fuzzes config::parse_database_url. Properties: errors are of kind config; a parsed URL can be
// shown (redacted()) and handed to libpq (libpq_conninfo()), and what redacted() shows parses back
// to the same target; and the password of scheme://user:PASSWORD@... never shows in an error or in
// redacted(), whatever surrounds it.
#include <optional>
#include <string>
#include <string_view>

#include <authmigrate/config/database_url.hpp>

#include "fuzz_check.hpp"

namespace {

using namespace authmigrate;
using authmigrate::fuzz::count_of;
constexpr auto npos = std::string_view::npos;

// Put inside the password; no message template holds it and it has no "%", so it survives
// percent-decoding and "****" is the only way to hide it.
constexpr std::string_view k_marker = "Pw7Mark";

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes every valid %XX and keeps the rest: what any part of the URL could turn into when shown.
std::string decode_leniently(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string shown_by(const Error& error) { return error.describe() + "\n" + error.hint; }

// Where the password starts when `text` reads scheme://user:PASSWORD@... for a scheme that has
// passwords (not sqlite: or file:): the user holds none of "/?#" (else the ":" is past the
// authority) nor "[" (an IPv6 host), and an "@" follows the ":" (the last "@" ends a password that
// may hold raw "/", "?", "#", ":" or "@").
std::optional<size_t> password_start(std::string_view text) {
  const auto separator = text.find("://");
  if (separator == npos || separator == 0) return std::nullopt;
  const auto scheme = text.substr(0, separator);
  if (scheme.find_first_of(":/?#@") != npos) return std::nullopt;
  if (lower(scheme) == "sqlite" || lower(scheme) == "file") return std::nullopt;
  const auto user_start = separator + 3;
  const auto colon = text.find(':', user_start);
  if (colon == npos) return std::nullopt;
  if (text.substr(user_start, colon - user_start).find_first_of("/?#[") != npos) return std::nullopt;
  const auto at = text.rfind('@');
  if (at == npos || at < colon) return std::nullopt;
  return colon + 1;
}

void check_round_trip(std::string_view text, const config::DatabaseUrl& url) {
  const auto shown = url.redacted();
  (void)url.libpq_conninfo();
  auto again = config::parse_database_url(shown);
  auto detail = [&] { return std::string(text) + " -> " + shown; };
  AM_FUZZ_CHECK(again.has_value(), detail() + " -> " + (again ? "" : again.error().message));
  AM_FUZZ_CHECK(again->dialect == url.dialect, detail());
  AM_FUZZ_CHECK(again->user == url.user, detail());
  AM_FUZZ_CHECK(again->host == url.host, detail());
  AM_FUZZ_CHECK(again->port == url.port, detail());
  AM_FUZZ_CHECK(again->database == url.database, detail());
  AM_FUZZ_CHECK(again->password.has_value() == url.password.has_value(), detail());
  AM_FUZZ_CHECK(again->params.size() == url.params.size(), detail());
  for (size_t i = 0; i < url.params.size(); ++i) {
    AM_FUZZ_CHECK(again->params[i].first == url.params[i].first, detail());
    const bool secret = url.params[i].first == "password" || url.params[i].first == "sslpassword";
    AM_FUZZ_CHECK(secret || again->params[i].second == url.params[i].second, detail());
  }
}

void check_password_hidden(const std::string& text) {
  auto url = config::parse_database_url(text);
  if (url) {
    AM_FUZZ_CHECK(url->redacted().find(k_marker) == npos, text + " -> " + url->redacted());
  } else {
    AM_FUZZ_CHECK(shown_by(url.error()).find(k_marker) == npos, text + " -> " + shown_by(url.error()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto text = authmigrate::fuzz::as_text(data, size);
  auto url = config::parse_database_url(text);
  if (url) {
    check_round_trip(text, *url);
  } else {
    AM_FUZZ_CHECK(url.error().kind == ErrorKind::config, std::string(text));
  }

  if (auto start = password_start(text)) {
    std::string marked(text);
    marked.insert(*start, k_marker);
    // Only when nothing but the password can show the marker (no copy of it elsewhere, encoded or not).
    if (count_of(marked, k_marker) == 1 && count_of(decode_leniently(marked), k_marker) == 1) {
      check_password_hidden(marked);
    }
  }
  return 0;
}
