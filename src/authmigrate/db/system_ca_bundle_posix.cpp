#include <authmigrate/db/system_ca_bundle.hpp>

#include <array>
#include <string_view>

namespace authmigrate::db {

namespace {
// The places Go's crypto/x509 looks too, in the same order.
constexpr std::array<std::string_view, 6> k_bundles = {
    "/etc/ssl/certs/ca-certificates.crt",                 // Debian, Ubuntu, Gentoo, Arch, Alpine
    "/etc/pki/tls/certs/ca-bundle.crt",                   // Fedora, RHEL 6
    "/etc/ssl/ca-bundle.pem",                             // openSUSE
    "/etc/pki/tls/cacert.pem",                            // OpenELEC
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS, RHEL 7+
    "/etc/ssl/cert.pem",                                  // Alpine, macOS
};
}  // namespace

std::optional<std::string> system_ca_bundle(const FileExists& exists) {
  for (std::string_view candidate : k_bundles) {
    if (exists(std::string(candidate))) return std::string(candidate);
  }
  return std::nullopt;
}

std::string system_ca_bundle_places() {
  return "this system has no CA bundle in any of the usual places (/etc/ssl/certs/ca-certificates.crt, "
         "/etc/ssl/cert.pem, ...)";
}

}  // namespace authmigrate::db
