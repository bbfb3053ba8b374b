// The only way the core talks to a person or a machine. Implementations must be thread-safe:
// several databases may be migrated at once.
#pragma once

#include <mutex>
#include <ostream>
#include <vector>

#include <authmigrate/base/redact.hpp>
#include <authmigrate/report/event.hpp>

namespace authmigrate::report {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void emit(const Event& event) = 0;
};

// Discards everything (for library callers that do not care).
class NullReporter final : public Reporter {
 public:
  void emit(const Event&) override {}
};

// Keeps events in memory, for tests.
class RecordingReporter final : public Reporter {
 public:
  void emit(const Event& event) override {
    std::lock_guard lock(m_mutex);
    m_events.push_back(event);
  }
  std::vector<Event> events() const {
    std::lock_guard lock(m_mutex);
    return m_events;
  }

 private:
  mutable std::mutex m_mutex;
  std::vector<Event> m_events;
};

// "2026-11-25T15:30:00.123Z  applied 0001_users.sql (12 ms)": info to `out`, warnings and errors
// to `err`. Every line passes through the redactor.
class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, std::ostream& err, bool colour, const base::SecretRedactor& redactor)
      : m_out(out), m_err(err), m_colour(colour), m_redactor(redactor) {}
  void emit(const Event& event) override;

 private:
  std::mutex m_mutex;
  std::ostream& m_out;
  std::ostream& m_err;
  bool m_colour;
  const base::SecretRedactor& m_redactor;
};

// One JSON object per line: {"ts":..., "level":..., "event":..., "msg":..., "duration_ms":..., ...}.
class JsonLinesReporter final : public Reporter {
 public:
  JsonLinesReporter(std::ostream& out, const base::SecretRedactor& redactor) : m_out(out), m_redactor(redactor) {}
  void emit(const Event& event) override;

 private:
  std::mutex m_mutex;
  std::ostream& m_out;
  const base::SecretRedactor& m_redactor;
};

// Copies every event to several reporters (the terminal and a --log-file).
class TeeReporter final : public Reporter {
 public:
  explicit TeeReporter(std::vector<Reporter*> targets) : m_targets(std::move(targets)) {}
  void emit(const Event& event) override {
    for (auto* target : m_targets) target->emit(event);
  }

 private:
  std::vector<Reporter*> m_targets;
};

// The current UTC time as 2026-11-25T15:30:00.123Z.
std::string utc_timestamp();

}  // namespace authmigrate::report
