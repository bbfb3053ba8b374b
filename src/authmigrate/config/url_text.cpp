// Percent-coding, password masking of raw URL text, and scheme suggestions for database URLs.
#include <authmigrate/config/url_text.hpp>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <authmigrate/base/redact.hpp>
#include <authmigrate/base/text.hpp>

namespace authmigrate::config::url_text {
namespace {

constexpr auto npos = std::string_view::npos;
using Span = std::pair<size_t, size_t>;  // [begin, end) of text to mask

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where credentials could start: after "scheme://", or 0 when the text does not start that way
// (a missing scheme or "//" does not stop a password from being there).
size_t authority_start(std::string_view text) {
  auto colon = text.find(':');
  if (colon == npos || !is_scheme_syntax(text.substr(0, colon))) return 0;
  return text.substr(colon + 1).starts_with("//") ? colon + 3 : 0;
}

bool has_sqlite_scheme(std::string_view text) {
  auto colon = text.find(':');
  if (colon == npos) return false;
  auto scheme = lower(text.substr(0, colon));
  return scheme == "sqlite" || scheme == "file";
}

// The userinfo password: from the first ":" to the last "@" anywhere, so a password holding a raw
// "@", "/", "?" or "#" stays inside the mask (this over-masks "host:5432/db?app=a@b", harmless in an
// error). With no "@" at all, a non-numeric "port" may be a password with no host after it.
std::optional<Span> userinfo_password(std::string_view text) {
  const size_t start = authority_start(text);
  size_t colon_from = start;
  // An IPv6 host's colons are not the password's; with no authority a "[" is just text.
  if (start > 0 && start < text.size() && text[start] == '[') colon_from = std::min(text.find(']', start), text.size());
  const size_t colon = text.find(':', colon_from);
  if (colon == npos) return std::nullopt;
  if (auto at = text.rfind('@'); at != npos && at >= start) {
    if (colon < at) return Span{colon + 1, at};
    return std::nullopt;
  }
  if (start == 0) return std::nullopt;  // "postgres:db/x" has no authority: nothing there is a port
  const size_t authority_end = std::min(text.find_first_of("/?#", start), text.size());
  if (colon >= authority_end) return std::nullopt;
  const size_t port_end = std::min(text.find_first_of("/?#", colon + 1), text.size());
  if (all_digits(text.substr(colon + 1, port_end - colon - 1))) return std::nullopt;
  return Span{colon + 1, port_end};
}

void add_secret_params(std::string_view text, size_t from, std::vector<Span>& spans) {
  size_t pos = text.find('?', from);
  if (pos == npos) return;
  ++pos;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('&', pos), text.size());
    const auto segment = text.substr(pos, end - pos);
    if (auto eq = segment.find('='); eq != npos) {
      const auto raw_key = segment.substr(0, eq);
      auto key = percent_decode(raw_key);
      if (is_secret_param(key ? *key : std::string(raw_key))) spans.emplace_back(pos + eq + 1, end);
    }
    pos = end + 1;
  }
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (byte < 0x20 || byte == 0x7f)
      out += fmt::format("\\x{:02X}", byte);
    else
      out += c;
  }
  return out;
}

// Optimal string alignment distance: edits, with a swap of neighbours counted as one.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

tl::expected<std::string, std::string> percent_decode(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    const auto escape = raw.substr(i, 3);
    if (escape.size() < 3 || hex_value(escape[1]) < 0 || hex_value(escape[2]) < 0) {
      return tl::unexpected(std::string(escape));
    }
    const char decoded = static_cast<char>(hex_value(escape[1]) * 16 + hex_value(escape[2]));
    if (decoded == '\0') return tl::unexpected(std::string(escape));
    out += decoded;
    i += 2;
  }
  return out;
}

std::string percent_encode(std::string_view text, std::string_view reserved) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '%' || reserved.find(c) != npos) {
      out += fmt::format("%{:02X}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

std::string display_url(std::string_view raw) {
  std::vector<Span> spans;
  size_t params_from = 0;
  if (!has_sqlite_scheme(raw)) {
    if (auto password = userinfo_password(raw)) {
      spans.push_back(*password);
      params_from = password->second;
    }
  }
  add_secret_params(raw, params_from, spans);
  std::sort(spans.begin(), spans.end());

  std::string masked;
  size_t pos = 0;
  for (const auto& [begin, end] : spans) {
    if (end <= begin || end <= pos) continue;  // nothing to hide, or already inside a mask
    masked.append(raw.substr(pos, std::max(begin, pos) - pos));
    masked.append(base::k_redacted);
    pos = end;
  }
  masked.append(raw.substr(std::min(pos, raw.size())));
  return escape_controls(masked);
}

bool is_secret_param(std::string_view key) { return key == "password" || key == "sslpassword"; }

bool is_scheme_syntax(std::string_view text) {
  if (text.empty()) return false;
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_alpha(text.front())) return false;
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'; });
}

std::optional<std::string_view> closest_scheme(std::string_view scheme) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_aliases{
      {{"pg", "postgres"}, {"pgsql", "postgres"}, {"psql", "postgres"}, {"postgis", "postgres"}}};
  static constexpr std::array<std::string_view, 6> k_known{"postgres", "postgresql", "mysql",
                                                           "mariadb",  "sqlite",     "file"};
  if (scheme.size() > 20) return std::nullopt;
  const auto wanted = lower(scheme);
  for (const auto& [alias, target] : k_aliases) {
    if (wanted == alias) return target;
  }
  std::optional<std::string_view> best;
  size_t best_distance = 0;
  for (auto known : k_known) {
    const size_t distance = edit_distance(wanted, known);
    // Close enough: at most two edits, and fewer than half the name (so "sql" is not "file").
    if (distance > 2 || distance * 2 >= known.size()) continue;
    if (!best || distance < best_distance) {
      best = known;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace authmigrate::config::url_text
