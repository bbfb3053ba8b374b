// Runs a command body inside a Context and turns its result into an exit code, printing any
// error once. A statement that failed because we cancelled it reports why we cancelled it.
#pragma once

#include <functional>

#include "../common_options.hpp"
#include "commands.hpp"

namespace authmigrate::cli {

int run_command(const CommonOptions& options, Streams& streams, const std::function<Result<int>(Context&)>& body);

}  // namespace authmigrate::cli
