# shellcheck shell=bash
# Sourceable: TLS certificates for the test servers, all signed by one throwaway CA per state dir
# ($AM_TEST_CA_FILE, a day long), for localhost and 127.0.0.1. Tests trust that CA to check verification.

# server_cert DIR OWNER: DIR/server.crt and DIR/server.key (0600, owned by OWNER when run as root)
server_cert() {
  local dir=$1 owner=$2 ca_dir
  ca_dir=$(dirname "$AM_TEST_CA_FILE")
  mkdir -p "$dir" "$ca_dir"
  if [[ ! -s $AM_TEST_CA_FILE ]]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
      -subj "/CN=authmigrate test CA" -keyout "$ca_dir/ca.key" -out "$AM_TEST_CA_FILE" 2>/dev/null
    chmod 600 "$ca_dir/ca.key"
    chmod 644 "$AM_TEST_CA_FILE"
  fi
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
    -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  openssl x509 -req -in "$dir/server.csr" -CA "$AM_TEST_CA_FILE" -CAkey "$ca_dir/ca.key" -CAcreateserial -days 1 \
    -extfile <(printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n') -out "$dir/server.crt" 2>/dev/null
  chmod 600 "$dir/server.key"
  if ((EUID == 0)); then chown "$owner": "$dir" "$dir/server.key" "$dir/server.crt"; fi
}
