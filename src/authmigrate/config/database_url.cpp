// Parses database URLs (postgres, mysql, sqlite) into typed parts, and shows them only redacted or
// in libpq's key='value' form.
#include <authmigrate/config/database_url.hpp>

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include <authmigrate/base/redact.hpp>
#include <authmigrate/config/url_text.hpp>
#include <authmigrate/base/text.hpp>

namespace authmigrate::config {
namespace {

constexpr auto npos = std::string_view::npos;
constexpr std::string_view k_escape_hint = "\"%\" must be followed by two hex digits; write a literal \"%\" as %25";
constexpr std::string_view k_expected_schemes = "postgres, postgresql, mysql, mariadb, sqlite or file";

struct Scheme {
  std::string_view name;
  Dialect dialect;
};
constexpr std::array<Scheme, 6> k_schemes{{{"postgres", Dialect::postgres},
                                           {"postgresql", Dialect::postgres},
                                           {"mysql", Dialect::mysql},
                                           {"mariadb", Dialect::mysql},
                                           {"sqlite", Dialect::sqlite},
                                           {"file", Dialect::sqlite}}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '.' || c == '_' ||
         c == '~' || c == '%';
}

// Every libpq, MySQL and SQLite URI parameter name is a plain word.
bool is_param_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-' || c == '.';
}

bool is_ipv6_char(char c) {
  return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || is_digit(c) || c == ':' || c == '.';
}

// A non-numeric port right before an "@" further on: the password holds a raw "/", "?" or "#".
bool port_looks_like_password(std::string_view authority) {
  if (authority.starts_with('[')) return false;
  auto colon = authority.find(':');
  if (colon == npos) return false;
  auto port = authority.substr(colon + 1);
  return port.empty() || !std::all_of(port.begin(), port.end(), is_digit);
}

// The parser for one URL; every error it makes shows the URL redacted.
class UrlParser {
 public:
  explicit UrlParser(std::string_view text) : m_text(text), m_shown(url_text::display_url(text)) {}

  Result<DatabaseUrl> parse() {
    if (m_text.empty()) {
      return fail(Error(ErrorKind::config, "database URL is empty")
                      .with_hint("set it, e.g. postgres://user:password@localhost:5432/app or sqlite:./app.db"));
    }
    if (is_space(m_text.front()) || is_space(m_text.back())) {
      return bad("leading or trailing whitespace", "remove the whitespace around the URL");
    }
    const auto colon = m_text.find(':');
    if (colon == npos || !url_text::is_scheme_syntax(m_text.substr(0, colon))) {
      return bad(fmt::format("missing scheme (expected {})", k_expected_schemes),
                 "write e.g. postgres://user:password@host:5432/db, mysql://user:password@host/db or "
                 "sqlite:./app.db");
    }
    const auto scheme_as_written = m_text.substr(0, colon);
    const auto scheme = lower(scheme_as_written);
    auto known = std::find_if(k_schemes.begin(), k_schemes.end(), [&](const Scheme& s) { return s.name == scheme; });
    if (known == k_schemes.end()) return unknown_scheme(scheme_as_written);
    m_url.scheme = scheme;
    m_url.dialect = known->dialect;

    const auto rest = m_text.substr(colon + 1);
    if (m_url.dialect == Dialect::sqlite) {
      AM_TRY(parse_sqlite(rest));
    } else {
      if (!rest.starts_with("//")) {
        return bad(fmt::format("expected \"//\" after \"{}:\"", scheme_as_written),
                   fmt::format("write {}://user:password@host/database", scheme));
      }
      AM_TRY(parse_network(rest.substr(2)));
    }
    return std::move(m_url);
  }

 private:
  tl::unexpected<Error> bad(std::string_view what, std::string hint = {}) const {
    return fail(Error(ErrorKind::config, fmt::format("invalid database URL \"{}\": {}", m_shown, what))
                    .with_hint(std::move(hint)));
  }

  tl::unexpected<Error> unknown_scheme(std::string_view scheme) const {
    const auto what = fmt::format("unknown scheme \"{}\" (expected {})", scheme, k_expected_schemes);
    if (lower(scheme) == "jdbc") return bad(what, "drop the \"jdbc:\" prefix");
    if (m_text.size() > scheme.size() + 1 && is_digit(m_text[scheme.size() + 1])) {
      return bad(what, "that looks like host:port; add the scheme in front, e.g. postgres://localhost:5432/app");
    }
    if (auto suggestion = url_text::closest_scheme(scheme)) {
      return bad(what, fmt::format("did you mean \"{}\"?", *suggestion));
    }
    return bad(what);
  }

  // Spaces and control characters must be percent-encoded; `part` names where they were found.
  Result<void> check_chars(std::string_view raw, std::string_view part) const {
    for (char c : raw) {
      const auto byte = static_cast<unsigned char>(c);
      if (c == ' ') return bad(fmt::format("{} contains a space", part), "percent-encode it as %20");
      if (byte < 0x20 || byte == 0x7f) {
        return bad(fmt::format("{} contains a control character (0x{:02X})", part, byte),
                   "remove it, or percent-encode it");
      }
    }
    return {};
  }

  // `secret`: the part is a password, so not even the bad escape is echoed.
  Result<std::string> decode(std::string_view raw, std::string_view part, bool secret = false) const {
    AM_TRY(check_chars(raw, part));
    auto decoded = url_text::percent_decode(raw);
    if (decoded) return std::move(*decoded);
    if (decoded.error() == "%00") {
      return bad(fmt::format("{} contains \"%00\" (a NUL byte), which is not allowed", part));
    }
    if (secret) return bad(fmt::format("bad percent-escape in {}", part), std::string(k_escape_hint));
    return bad(fmt::format("bad percent-escape \"{}\" in {}", decoded.error(), part), std::string(k_escape_hint));
  }

  // sqlite:path, sqlite://path (so sqlite:///abs is /abs), file:path; then an optional ?query.
  Result<void> parse_sqlite(std::string_view rest) {
    if (rest.starts_with("//")) rest.remove_prefix(2);
    const auto query = rest.find('?');
    const auto path = rest.substr(0, query);
    if (path.find('#') != npos) return bad("raw \"#\" in the SQLite file path", "percent-encode it as %23");
    if (path.empty()) return bad("the SQLite file path is empty", "write e.g. sqlite:./app.db or sqlite::memory:");
    auto database = decode(path, "the SQLite file path");
    if (!database) return tl::unexpected(std::move(database.error()));
    m_url.database = std::move(*database);
    if (query != npos) AM_TRY(parse_query(rest.substr(query + 1)));
    return {};
  }

  // [user[:password]@][host][:port][/database][?query]
  Result<void> parse_network(std::string_view rest) {
    const auto authority_end = rest.find_first_of("/?#");
    const auto authority = rest.substr(0, authority_end);
    const auto tail = authority_end == npos ? std::string_view{} : rest.substr(authority_end);
    const auto at = authority.rfind('@');
    const bool at_further_on = tail.find('@') != npos;
    auto raw_delimiter_in_password = [this] {
      return bad("the password contains a raw \"/\", \"?\" or \"#\"",
                 "percent-encode them in the password: \"/\" as %2F, \"?\" as %3F, \"#\" as %23");
    };
    if (at == npos && at_further_on && port_looks_like_password(authority)) return raw_delimiter_in_password();
    if (at != npos) AM_TRY(parse_userinfo(authority.substr(0, at)));
    // With an "@" further on, a bad "host" is likely the middle of such a password: not echoed.
    const auto hosts = at == npos ? authority : authority.substr(at + 1);
    if (auto host = parse_host_port(hosts); !host || (at_further_on && hosts.find(',') != npos)) {
      if (at_further_on) return raw_delimiter_in_password();
      return host;
    }

    if (tail.find('#') != npos) return bad("raw \"#\" after the host", "percent-encode it as %23");
    const auto query = tail.find('?');
    if (tail.starts_with('/')) {
      const auto path = tail.substr(1, query == npos ? npos : query - 1);
      if (path.find('@') != npos) {
        return bad("raw \"@\" in the database name",
                   "percent-encode it as %40 (if it belongs to the password, encode the password's \"/\" as %2F)");
      }
      auto database = decode(path, "the database name");
      if (!database) return tl::unexpected(std::move(database.error()));
      m_url.database = std::move(*database);
    }
    if (query != npos) AM_TRY(parse_query(tail.substr(query + 1)));

    if (m_url.host.empty()) {
      if (auto host = m_url.param("host")) m_url.host = *host;
    }
    if (m_url.dialect == Dialect::mysql && m_url.host.empty() && !m_url.param("socket")) {
      return bad("the host is empty",
                 "MySQL needs a host (mysql://user:password@localhost:3306/db) or a socket= parameter");
    }
    return {};
  }

  Result<void> parse_userinfo(std::string_view userinfo) {
    if (userinfo.empty()) return bad("empty user name before \"@\"", "write user:password@host, or drop the \"@\"");
    const auto colon = userinfo.find(':');
    const auto user = userinfo.substr(0, colon);
    if (user.empty()) return bad("the user name before \":password@\" is empty", "write user:password@host");
    auto decoded_user = decode(user, "the user name");
    if (!decoded_user) return tl::unexpected(std::move(decoded_user.error()));
    m_url.user = std::move(*decoded_user);
    if (colon != npos) {
      auto password = decode(userinfo.substr(colon + 1), "the password", true);
      if (!password) return tl::unexpected(std::move(password.error()));
      m_url.password = std::move(*password);
    }
    return {};
  }

  Result<void> parse_host_port(std::string_view hostport) {
    if (auto comma = hostport.find(','); comma != npos) return parse_host_list(hostport, comma);
    if (hostport.starts_with('[')) {
      const auto close = hostport.find(']');
      if (close == npos) return bad("the host has \"[\" without a closing \"]\"", "write an IPv6 address as [::1]");
      const auto address = hostport.substr(1, close - 1);
      if (address.find(':') == npos || !std::all_of(address.begin(), address.end(), is_ipv6_char)) {
        return bad(fmt::format("invalid IPv6 address \"[{}]\" in the host", address));
      }
      m_url.host = std::string(address);
      const auto after = hostport.substr(close + 1);
      if (after.empty()) return {};
      if (!after.starts_with(':')) return bad("unexpected text after \"]\" in the host", "write [address]:port");
      return parse_port(after.substr(1));
    }
    const auto colon = hostport.find(':');
    const auto host = hostport.substr(0, colon);
    if (colon != npos && hostport.find(':', colon + 1) != npos) {
      return bad("the host contains more than one \":\"", "write an IPv6 address in brackets, e.g. [::1]:5432");
    }
    AM_TRY(check_chars(host, "the host"));
    if (auto c = std::find_if_not(host.begin(), host.end(), is_host_char); c != host.end()) {
      return bad(fmt::format("invalid character \"{}\" in the host \"{}\"", *c, host));
    }
    auto decoded = decode(host, "the host");
    if (!decoded) return tl::unexpected(std::move(decoded.error()));
    m_url.host = std::move(*decoded);
    if (colon != npos) return parse_port(hostport.substr(colon + 1));
    return {};
  }

  // h1:p1,h2:p2,...: PostgreSQL only (libpq tries each; MySQL's client takes one host).
  Result<void> parse_host_list(std::string_view hostport, size_t comma) {
    if (m_url.dialect != Dialect::postgres) {
      return bad(fmt::format("several hosts (\"{}\") are not supported for MySQL", hostport), "give one host");
    }
    AM_TRY(parse_host_port(hostport.substr(0, comma)));
    if (m_url.host.empty()) return bad("the first of several hosts is empty", "write host1:port1,host2:port2");
    auto first_host = std::move(m_url.host);
    auto first_port = m_url.port;
    auto rest = hostport.substr(comma + 1);
    for (;;) {
      auto next = rest.find(',');
      m_url.host.clear();
      m_url.port.reset();
      AM_TRY(parse_host_port(rest.substr(0, next)));
      if (m_url.host.empty()) return bad("one of several hosts is empty", "write host1:port1,host2:port2");
      m_url.other_hosts.emplace_back(std::move(m_url.host), m_url.port);
      if (next == npos) break;
      rest = rest.substr(next + 1);
    }
    m_url.host = std::move(first_host);
    m_url.port = first_port;
    return {};
  }

  Result<void> parse_port(std::string_view raw) {
    if (raw.empty()) return bad("the port is empty after \":\"", "write host:5432, or drop the \":\"");
    if (!std::all_of(raw.begin(), raw.end(), is_digit)) {
      // Not echoed: a password that lost its "user:" or "@host" lands here.
      return bad("the port is not a number", "write the port as digits (1-65535)");
    }
    int port = 0;
    for (char c : raw.substr(0, 6)) port = port * 10 + (c - '0');
    if (raw.size() > 5 || port < 1 || port > 65535) {
      return bad(fmt::format("port {} is out of range (1-65535)", raw));
    }
    m_url.port = port;
    return {};
  }

  // key=value pairs separated by "&", kept in order; empty pairs ("a=1&&b=2") are skipped. A query
  // holding an "@" may be the tail of a password with a raw "?", so its errors echo nothing.
  Result<void> parse_query(std::string_view query) {
    const bool quiet = query.find('@') != npos;
    size_t pos = 0;
    while (pos <= query.size()) {
      const auto end = std::min(query.find('&', pos), query.size());
      const auto pair = query.substr(pos, end - pos);
      pos = end + 1;
      if (pair.empty()) continue;
      const auto eq = pair.find('=');
      if (eq == 0) return bad("a query parameter has an empty name", "write key=value");
      auto key = decode(pair.substr(0, eq), "a query parameter name", quiet);
      if (!key) return tl::unexpected(std::move(key.error()));
      if (!std::all_of(key->begin(), key->end(), is_param_name_char)) {
        if (quiet) return bad("a query parameter name is not a plain word", "write key=value");
        return bad(fmt::format("query parameter name \"{}\" is not a plain word", *key),
                   "use letters, digits, \"_\", \"-\" and \".\"");
      }
      if (eq == npos && quiet) {
        return bad("a query parameter has no \"=\"",
                   "write key=value; if the password contains \"?\", percent-encode it as %3F");
      }
      if (eq == npos) return bad(fmt::format("query parameter \"{}\" has no \"=\"", *key), "write key=value");
      const bool secret = quiet || url_text::is_secret_param(*key);
      const auto part = quiet ? std::string("a query parameter") : fmt::format("query parameter \"{}\"", *key);
      auto value = decode(pair.substr(eq + 1), part, secret);
      if (!value) return tl::unexpected(std::move(value.error()));
      m_url.params.emplace_back(std::move(*key), std::move(*value));
    }
    return {};
  }

  std::string_view m_text;
  std::string m_shown;  // the raw text, password masked
  DatabaseUrl m_url;
};

// The host as it parses back: an IPv6 address in brackets, else every byte that is not a plain host
// character percent-encoded (a host decoded from "%21" or "%C3%A9" does not parse raw).
std::string shown_host(std::string_view host) {
  if (host.find(':') != npos && std::all_of(host.begin(), host.end(), is_ipv6_char)) return fmt::format("[{}]", host);
  std::string out;
  for (char c : host) {
    if (is_host_char(c) && c != '%')
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

// Prisma's parameters for its own pool (pgbouncer=true among them): libpq refuses what it does not know.
bool is_pool_client_param(std::string_view key) {
  return key == "pgbouncer" || key == "connection_limit" || key == "pool_timeout" || key == "statement_cache_size";
}

}  // namespace

// libpq: values in single quotes, with "\" and "'" escaped by a backslash.
std::string libpq_quote(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string_view to_string(Dialect dialect) {
  switch (dialect) {
    case Dialect::postgres:
      return "postgres";
    case Dialect::sqlite:
      return "sqlite";
    case Dialect::mysql:
      return "mysql";
  }
  return "sqlite";
}

Result<DatabaseUrl> parse_database_url(std::string_view text) { return UrlParser(text).parse(); }

std::optional<std::string> DatabaseUrl::param(std::string_view key) const {
  for (const auto& [k, v] : params) {
    if (k == key) return v;
  }
  return std::nullopt;
}

std::string DatabaseUrl::redacted() const {
  std::string out = scheme + ":";
  if (dialect == Dialect::sqlite) {
    if (database.starts_with("//")) out += "//";  // else sqlite://x would read back as "x"
    out += url_text::percent_encode(database, "?#");
  } else {
    out += "//";
    if (!user.empty()) {
      out += url_text::percent_encode(user, ":@/?#");
      if (password) out += fmt::format(":{}", base::k_redacted);
      out += '@';
    }
    // A host that came from ?host= is shown there only.
    if (!host.empty() && param("host") != host) out += shown_host(host);
    if (port) out += fmt::format(":{}", *port);
    for (const auto& [other, other_port] : other_hosts) {
      out += "," + shown_host(other);
      if (other_port) out += fmt::format(":{}", *other_port);
    }
    if (!database.empty()) out += "/" + url_text::percent_encode(database, "?#@");
  }
  char separator = '?';
  for (const auto& [key, value] : params) {
    out += separator;
    // "@" too: after several hosts a raw "@" further on reads as the end of a password.
    out += url_text::percent_encode(key, "&=#@");
    out += '=';
    out += url_text::is_secret_param(key) ? std::string(base::k_redacted) : url_text::percent_encode(value, "&#@");
    separator = '&';
  }
  return out;
}

std::string DatabaseUrl::libpq_conninfo() const {
  std::vector<std::pair<std::string_view, std::string>> fields;
  // Several hosts: comma-separated lists, an empty port standing for the default one.
  std::string hosts = host;
  std::string ports = port ? std::to_string(*port) : "";
  bool any_port = port.has_value();
  for (const auto& [other, other_port] : other_hosts) {
    hosts += "," + other;
    ports += "," + (other_port ? std::to_string(*other_port) : "");
    any_port = any_port || other_port;
  }
  if (!hosts.empty()) fields.emplace_back("host", hosts);
  if (any_port) fields.emplace_back("port", ports);
  if (!user.empty()) fields.emplace_back("user", user);
  if (password) fields.emplace_back("password", *password);
  if (!database.empty()) fields.emplace_back("dbname", database);

  std::string out;
  auto add = [&out](std::string_view key, std::string_view value) {
    if (!out.empty()) out += ' ';
    out += fmt::format("{}={}", key, libpq_quote(value));
  };
  for (const auto& [key, value] : fields) add(key, value);
  for (const auto& [key, value] : params) {
    if (is_pool_client_param(key)) continue;
    // ?host=/socket/dir already became `host`; do not say it twice.
    // std::find, not a lambda: clang 14 (the fuzz build) cannot capture structured bindings.
    const bool already =
        std::find(fields.begin(), fields.end(), std::pair<std::string_view, std::string>(key, value)) != fields.end();
    if (!already) add(key, value);
  }
  // Several hosts: the primary among them, whichever it is now (for pg_dump and psql too).
  if (!other_hosts.empty() && !param("target_session_attrs")) add("target_session_attrs", "read-write");
  return out;
}

}  // namespace authmigrate::config
