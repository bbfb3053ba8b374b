// Secret masking: the last line of defence before any text leaves the process. The CLI registers
// every secret it knows (database passwords, BETTER_AUTH_SECRET) and every line it prints passes
// through redact().
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace authmigrate::base {

inline constexpr std::string_view k_redacted = "****";

class SecretRedactor {
 public:
  // Secrets shorter than 3 characters are not registered: masking them would mangle ordinary text.
  void add(std::string secret);
  std::string redact(std::string_view text) const;

 private:
  std::vector<std::string> m_secrets;  // longest first, so a secret that contains another is masked whole
};

}  // namespace authmigrate::base
