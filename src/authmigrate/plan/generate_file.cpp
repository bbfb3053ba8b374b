#include <authmigrate/plan/generate_file.hpp>

#include <ctime>

#include <fmt/format.h>

#include <authmigrate/base/utc_time.hpp>

namespace authmigrate::plan {

namespace {

// commentBanner of the CLI's kysely generator, line for line.
std::string banner(const std::vector<UnsafeChange>& changes) {
  const std::string rule = "-- " + std::string(77, '-');
  std::string out =
      rule +
      "\n-- DO NOT RUN THIS SCRIPT AS IT IS.\n-- Applying it to a populated database corrupts the rows it touches:\n";
  for (const auto& change : changes) out += "--\n-- " + change.reason + "\n";
  return out + rule + "\n";
}

}  // namespace

std::string generate_file_content(const Plan& plan) {
  std::string code = dialect::join_statements(plan.statements);
  return plan.unsafe_changes.empty() ? code : banner(plan.unsafe_changes) + code;
}

std::string default_generate_file_name(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc = base::utc_calendar(seconds);
  return fmt::format("better-auth_migrations/{:04}-{:02}-{:02}T{:02}-{:02}-{:02}.{:03}Z.sql", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis % 1000);
}

}  // namespace authmigrate::plan
