#include <authmigrate/dialect/sql_dialect.hpp>

#include <cmath>

#include <fmt/format.h>

#include <authmigrate/base/text.hpp>

namespace authmigrate::dialect {

std::unique_ptr<SqlDialect> make_dialect(config::Dialect kind) {
  switch (kind) {
    case config::Dialect::postgres:
      return make_postgres_dialect();
    case config::Dialect::sqlite:
      return make_sqlite_dialect();
    case config::Dialect::mysql:
      return make_mysql_dialect();
  }
  return make_sqlite_dialect();
}

bool SqlDialect::reports_rendered_type(std::string_view live, std::string_view rendered) const {
  return lower(live) == lower(rendered);
}

std::string js_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == std::floor(value) && std::fabs(value) < 1e21) return fmt::format("{:.0f}", value);
  // Shortest round-trip digits, with JavaScript's exponent spelling (1e-7, 1e+21).
  std::string text = fmt::format("{}", value);
  auto e = text.find('e');
  if (e != std::string::npos) {
    std::string mantissa = text.substr(0, e);
    char sign = text[e + 1];
    std::string digits = text.substr(e + 2);
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    text = mantissa + "e" + sign + digits;
  }
  return text;
}

std::string wrap_doubling(std::string_view text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    out += c;
    if (c == quote) out += quote;
  }
  out += quote;
  return out;
}

}  // namespace authmigrate::dialect
