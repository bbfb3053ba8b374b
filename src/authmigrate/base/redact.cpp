#include <authmigrate/base/redact.hpp>

#include <algorithm>

namespace authmigrate::base {

void SecretRedactor::add(std::string secret) {
  if (secret.size() < 3) return;
  if (std::find(m_secrets.begin(), m_secrets.end(), secret) != m_secrets.end()) return;
  m_secrets.push_back(std::move(secret));
  std::sort(m_secrets.begin(), m_secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string SecretRedactor::redact(std::string_view text) const {
  std::string out(text);
  for (const auto& secret : m_secrets) {
    size_t pos = 0;
    while ((pos = out.find(secret, pos)) != std::string::npos) {
      out.replace(pos, secret.size(), k_redacted);
      pos += k_redacted.size();
    }
  }
  return out;
}

}  // namespace authmigrate::base
