// A point in time by which something must be done; "no deadline" is a deadline that never passes.
#pragma once

#include <chrono>
#include <optional>

namespace authmigrate::base {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  static Deadline never() { return Deadline(std::nullopt); }
  static Deadline after(std::chrono::milliseconds span) { return Deadline(Clock::now() + span); }
  static Deadline after_seconds(double seconds) {
    return seconds <= 0 ? never() : after(std::chrono::milliseconds(static_cast<long long>(seconds * 1000)));
  }

  bool is_set() const { return m_at.has_value(); }
  bool passed() const { return m_at && Clock::now() >= *m_at; }
  // Time left, never negative; a large value when there is no deadline.
  std::chrono::milliseconds remaining() const {
    if (!m_at) return std::chrono::hours(24 * 365);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*m_at - Clock::now());
    return left.count() < 0 ? std::chrono::milliseconds(0) : left;
  }
  // The earlier of the two.
  Deadline min(const Deadline& other) const {
    if (!m_at) return other;
    if (!other.m_at) return *this;
    return Deadline(std::min(*m_at, *other.m_at));
  }

 private:
  explicit Deadline(std::optional<Clock::time_point> at) : m_at(at) {}
  std::optional<Clock::time_point> m_at;
};

}  // namespace authmigrate::base
