#include <authmigrate/report/reporter.hpp>

#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include <authmigrate/base/utc_time.hpp>

namespace authmigrate::report {

std::string utc_timestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto secs = system_clock::to_time_t(now);
  auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm = base::utc_calendar(secs);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
}

namespace {
std::string format_duration(double ms) {
  if (ms < 1000) return fmt::format("{:.0f} ms", ms < 1 && ms > 0 ? 1.0 : ms);
  return fmt::format("{:.2f} s", ms / 1000);
}
}  // namespace

void TextReporter::emit(const Event& event) {
  std::string line = utc_timestamp();
  line += "  ";
  const char* colour_on = "";
  if (event.level == Level::warning) {
    colour_on = "\x1b[33m";
    line += "warning: ";
  } else if (event.level == Level::error) {
    colour_on = "\x1b[31m";
    line += "error: ";
  }
  line += event.message;
  if (event.duration_ms) line += fmt::format(" ({})", format_duration(*event.duration_ms));
  line = m_redactor.redact(line);
  std::lock_guard lock(m_mutex);
  auto& stream = event.level == Level::info ? m_out : m_err;
  if (m_colour && *colour_on) {
    stream << colour_on << line << "\x1b[0m\n";
  } else {
    stream << line << '\n';
  }
  stream.flush();
}

void JsonLinesReporter::emit(const Event& event) {
  nlohmann::ordered_json line = {{"ts", utc_timestamp()},
                                 {"level", event.level == Level::info      ? "info"
                                           : event.level == Level::warning ? "warning"
                                                                           : "error"},
                                 {"event", event.name},
                                 {"msg", event.message}};
  if (event.duration_ms) line["duration_ms"] = static_cast<long long>(*event.duration_ms * 1000) / 1000.0;
  for (const auto& [key, value] : event.fields.items()) line[key] = value;
  auto text = m_redactor.redact(line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  std::lock_guard lock(m_mutex);
  m_out << text << '\n';
  m_out.flush();
}

}  // namespace authmigrate::report
