#include "console.hpp"

namespace authmigrate::cli {

std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

void prepare_console() {}

}  // namespace authmigrate::cli
