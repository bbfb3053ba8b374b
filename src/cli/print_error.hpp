// The one place that shows an error: "authmigrate: error: ..." plus a hint, or a JSON line.
#pragma once

#include <ostream>

#include <authmigrate/base/error.hpp>
#include <authmigrate/base/redact.hpp>

namespace authmigrate::cli {

void print_error(const Error& error, bool json, std::ostream& out, std::ostream& err,
                 const base::SecretRedactor& redactor);

}  // namespace authmigrate::cli
