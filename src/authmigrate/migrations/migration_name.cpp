#include <authmigrate/migrations/migration_name.hpp>

#include <cctype>

#include <fmt/format.h>

namespace authmigrate::migrations {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool is_word(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

// YYYY-MM-DDTHH-MM-SS(.fff)Z with plausible field values.
bool is_better_auth_time(std::string_view s) {
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != '-' || s[16] != '-') return false;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)) ||
      !all_digits(s.substr(11, 2)) || !all_digits(s.substr(14, 2)) || !all_digits(s.substr(17, 2))) {
    return false;
  }
  auto rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    size_t n = 1;
    while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 1) return false;
    rest = rest.substr(n);
  }
  if (rest != "Z") return false;
  auto num = [&](size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); };
  return num(5) >= 1 && num(5) <= 12 && num(8) >= 1 && num(8) <= 31 && num(11) <= 23 && num(14) <= 59 && num(17) <= 60;
}

}  // namespace

Result<MigrationName> parse_migration_name(std::string_view file_name) {
  constexpr std::string_view k_ext = ".sql";
  auto bad = [&](std::string_view why) {
    Error error(ErrorKind::migration_files, fmt::format("{}: {}", file_name, why));
    error.hint =
        "name migration files like 2026-11-24T10-15-30.123Z.sql (as `auth generate` and `authmigrate new` do) "
        "or 0001_add_orders.sql";
    return fail(std::move(error));
  };
  if (file_name.size() <= k_ext.size() || file_name.substr(file_name.size() - k_ext.size()) != k_ext) {
    return bad("not a .sql file");
  }
  auto stem = file_name.substr(0, file_name.size() - k_ext.size());
  // Better Auth's pattern, optionally followed by _description.
  if (stem.size() >= 20 && stem[4] == '-') {
    auto z = stem.find('Z');
    if (z != std::string_view::npos && is_better_auth_time(stem.substr(0, z + 1))) {
      auto rest = stem.substr(z + 1);
      if (rest.empty()) return MigrationName{std::string(stem), "", std::string(file_name)};
      if (rest[0] == '_' && is_word(rest.substr(1))) {
        return MigrationName{std::string(stem.substr(0, z + 1)), std::string(rest.substr(1)), std::string(file_name)};
      }
    }
    return bad("looks like a timestamped name but is not YYYY-MM-DDTHH-MM-SS.sssZ[_words].sql");
  }
  auto underscore = stem.find('_');
  if (underscore == std::string_view::npos) {
    return all_digits(stem) ? bad("a version needs a description after '_' (0001_add_orders.sql)")
                            : bad("the name does not start with a version");
  }
  auto version = stem.substr(0, underscore);
  auto description = stem.substr(underscore + 1);
  if (!all_digits(version)) return bad(fmt::format("version \"{}\" is not all digits", version));
  if (!is_word(description)) {
    return bad(fmt::format("description \"{}\" may hold only letters, digits, '_' and '-'", description));
  }
  return MigrationName{std::string(version), std::string(description), std::string(file_name)};
}

std::string new_migration_file_name(std::string_view iso_utc_time_with_millis, std::string_view description) {
  std::string stem(iso_utc_time_with_millis);
  for (char& c : stem) {
    if (c == ':') c = '-';
  }
  if (description.empty()) return stem + ".sql";
  return fmt::format("{}_{}.sql", stem, description);
}

}  // namespace authmigrate::migrations
