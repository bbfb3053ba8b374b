#include <authmigrate/base/sha256.hpp>

#include <openssl/sha.h>

namespace authmigrate::base {

// The low-level SHA256_* calls are deprecated in OpenSSL 3 in favour of EVP, but EVP's first use
// loads the provider machinery: about 2 MB of resident memory and a millisecond, for one hash per
// migration file. The low-level calls cost a tenth of a megabyte.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, bytes.data(), bytes.size());
  SHA256_Final(digest, &context);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(SHA256_DIGEST_LENGTH * 2);
  for (unsigned char byte : digest) {
    out += k_hex[byte >> 4];
    out += k_hex[byte & 0x0f];
  }
  return out;
}
#pragma GCC diagnostic pop

}  // namespace authmigrate::base
