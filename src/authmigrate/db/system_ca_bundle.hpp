// Where this system keeps the certificate authorities it trusts, as a PEM file TLS libraries can read.
// Linux and macOS: the first bundle file that exists, in the places Go's crypto/x509 looks
// (system_ca_bundle_posix.cpp). Windows has no such file: the certificates of the "ROOT" store (the
// machine's and the user's trusted roots) are written as PEM to a file in the user's temporary folder
// (system_ca_bundle_win.cpp); OpenSSL cannot read the store itself.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace authmigrate::db {

using FileExists = std::function<bool(const std::string& path)>;

std::optional<std::string> system_ca_bundle(const FileExists& exists);
// Where system_ca_bundle looked, for the error that says it found nothing.
std::string system_ca_bundle_places();

}  // namespace authmigrate::db
