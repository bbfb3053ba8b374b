// The Windows certificate store's trusted roots, exported for OpenSSL (libpq and Connector/C use it).
// Never the Unix paths: on Windows any user may create C:\etc\ssl\..., which would let them choose
// whom we trust.
#include <authmigrate/db/system_ca_bundle.hpp>

#include <filesystem>

#include <windows.h>

#include <wincrypt.h>

#include <authmigrate/base/files.hpp>

namespace authmigrate::db {

namespace {
std::string root_store_as_pem() {
  HCERTSTORE store = CertOpenSystemStoreW(0, L"ROOT");
  if (!store) return {};
  std::string pem;
  for (PCCERT_CONTEXT cert = CertEnumCertificatesInStore(store, nullptr); cert;
       cert = CertEnumCertificatesInStore(store, cert)) {
    DWORD size = 0;
    if (!CryptBinaryToStringA(cert->pbCertEncoded, cert->cbCertEncoded, CRYPT_STRING_BASE64HEADER, nullptr, &size))
      continue;
    std::string text(size, '\0');
    if (CryptBinaryToStringA(cert->pbCertEncoded, cert->cbCertEncoded, CRYPT_STRING_BASE64HEADER, text.data(), &size)) {
      text.resize(size);
      pem += text;
    }
  }
  CertCloseStore(store, 0);
  return pem;
}
}  // namespace

std::optional<std::string> system_ca_bundle(const FileExists& /*exists*/) {
  std::string pem = root_store_as_pem();
  if (pem.empty()) return std::nullopt;
  std::error_code ec;
  auto file = std::filesystem::temp_directory_path(ec) / "authmigrate-windows-root-certificates.pem";
  if (ec || !base::write_file_atomic(file, pem)) return std::nullopt;
  return base::path_utf8(file);
}

std::string system_ca_bundle_places() {
  return "the Windows certificate store has no trusted root certificates (or they could not be written to "
         "the temporary folder)";
}

}  // namespace authmigrate::db
