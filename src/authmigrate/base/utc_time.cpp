#include <authmigrate/base/utc_time.hpp>

namespace authmigrate::base {

std::tm utc_calendar(std::time_t seconds) {
  std::tm utc{};
#ifdef _WIN32
  gmtime_s(&utc, &seconds);
#else
  gmtime_r(&seconds, &utc);
#endif
  return utc;
}

}  // namespace authmigrate::base
