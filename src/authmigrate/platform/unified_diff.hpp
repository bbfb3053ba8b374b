// A unified diff (as `diff -u` prints it) of one file's text before and after, for `init --dry-run`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace authmigrate::platform {

// "--- a/name\n+++ b/name\n@@ -1,3 +1,4 @@\n ..." with three lines of context; `before` nullopt
// is a new file (--- /dev/null). Empty when the texts are equal.
std::string unified_diff(std::string_view name, const std::optional<std::string>& before, std::string_view after);

}  // namespace authmigrate::platform
