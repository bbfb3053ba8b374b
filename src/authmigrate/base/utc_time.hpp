// The calendar fields of a UTC time, on every platform (gmtime_r is POSIX; Windows has gmtime_s).
#pragma once

#include <ctime>

namespace authmigrate::base {

std::tm utc_calendar(std::time_t seconds);

}  // namespace authmigrate::base
