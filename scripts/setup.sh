#!/usr/bin/env bash
# Installs the Debian 12 packages authmigrate needs to build and test. Idempotent: when every package is
# already installed it never touches apt.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git g++ ccache
  libpq-dev libsqlite3-dev libmariadb-dev libcli11-dev libfmt-dev nlohmann-json3-dev libtomlplusplus-dev
  libexpected-dev libssl-dev libgtest-dev libgmock-dev googletest libbenchmark-dev
  sqlite3 postgresql postgresql-15 postgresql-client-15 mariadb-server mariadb-client
  clang libclang-rt-14-dev clang-format nodejs npm python3 procps
  # the static release binaries, for x86-64 and arm64, and the tests that run them as users would
  crossbuild-essential-arm64 qemu-user-static mmdebstrap bzip2 file openssl
  # the Windows x64 binary (mingw-w64; tclsh makes SQLite's amalgamation) and its test under Wine
  g++-mingw-w64-x86-64-posix libz-mingw-w64-dev tcl wine64 unzip
  # real SQL nobody here wrote, for the suite that applies it both ways (pgTAP's install script)
  postgresql-15-pgtap
  # the topologies the suites start on loopback: a transaction pooler, a replica (postgresql-15), Galera
  pgbouncer galera-4 rsync iproute2
)

# Installed packages and what they provide: NodeSource's nodejs, for one, provides (and conflicts with) npm.
declare -A have
while read -r name; do have[$name]=1; done < <(
  dpkg-query -W -f='${db:Status-Status} ${Package} ${Provides}\n' |
    awk '$1 == "installed" { gsub(/\([^)]*\)|,/, " "); for (i = 2; i <= NF; i++) print $i }')
missing=()
for p in "${packages[@]}"; do
  [[ -v have[$p] ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=
((EUID == 0)) || sudo=sudo
echo "setup: installing ${missing[*]}"
$sudo apt-get update -o Acquire::Retries=3
# --force-unsafe-io skips dpkg's fsync per file: minutes saved on npm's thousands of small files.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  -o Acquire::Retries=3 -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-unsafe-io "${missing[@]}"
# Debian starts pgbouncer's own service on 6432 where it can (not under a policy-rc.d that forbids it, as
# in Docker): the suites start theirs, on ports of their own, so it is stopped and kept from starting at boot.
if [[ " ${missing[*]} " == *" pgbouncer "* ]]; then
  if [[ -d /run/systemd/system ]]; then
    $sudo systemctl disable --now pgbouncer >/dev/null 2>&1 || true
  else
    $sudo service pgbouncer stop >/dev/null 2>&1 || true
    $sudo update-rc.d pgbouncer disable >/dev/null 2>&1 || true
  fi
fi
