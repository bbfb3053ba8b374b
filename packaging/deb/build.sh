#!/usr/bin/env bash
# Builds dist/authmigrate_<version>_<amd64|arm64>.deb from the static release binaries. No Depends:
# the binary needs no library. Node only for `schema export`; pg_dump/mysqldump only for `deploy --backup`.
# Usage: packaging/deb/build.sh [--dist DIR] [--out DIR] [--only x64|arm64]     (default --out dist/)
# DEB_MAINTAINER overrides the Maintainer line. Prints the .deb paths.
# shellcheck source=SCRIPTDIR/../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
parse_args "$repo/dist" "$@"
version=$(release_version)
maintainer=${DEB_MAINTAINER:-authmigrate authors <maintainers@authmigrate.invalid>}  # .invalid: a placeholder until the project has an address
make_work_dir

# Debian's machine-readable copyright format: authmigrate's MIT text, and where the rest is.
write_copyright() {  # file
  cat >"$1" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: authmigrate
Comment: /usr/bin/authmigrate is linked statically with the libraries listed in
 /usr/share/doc/authmigrate/THIRD-PARTY.md; their copyright and licence texts
 are in /usr/share/doc/authmigrate/licenses/.

Files: *
Copyright: 2026 the authmigrate authors
License: MIT
EOF
  # The licence text as a continuation of the field: each line indented, blank lines as " ."
  sed -n '/^Permission/,$p' "$repo/LICENSE" | sed 's/^$/./; s/^/ /' >>"$1"
}

write_control() {  # file debian-arch installed-size-kib
  cat >"$1" <<EOF
Package: authmigrate
Version: $version
Architecture: $2
Maintainer: $maintainer
Installed-Size: $3
Section: database
Priority: optional
Recommends: nodejs
Suggests: postgresql-client, mariadb-client
Description: database migrations for Better Auth apps, in one static binary
 authmigrate keeps the database of a Better Auth application correct at every
 deploy, on PostgreSQL, SQLite and MySQL/MariaDB: it waits for the database,
 takes a lock so that replicas deploying at once migrate once, brings the
 Better Auth schema up to date, and applies the app's own SQL migrations once
 each, tracked with checksums.
 .
 The binary is statically linked and needs no library. Node.js is needed only
 by "authmigrate schema export"; pg_dump or mysqldump only by
 "authmigrate deploy --backup".
EOF
}

for cpu in "${cpus[@]}"; do
  root=$work/$cpu
  doc=$root/usr/share/doc/authmigrate
  put_binary "$cpu" "$root/usr/bin/authmigrate"
  put_share "$root/usr/share/authmigrate"
  put_licences "$cpu" "$doc" "$doc/licenses"
  mkdir -p "$root/DEBIAN"
  write_copyright "$doc/copyright"
  write_control "$root/DEBIAN/control" "$(debian_arch "$cpu")" "$(du -sk --apparent-size "$root/usr" | cut -f1)"
  normalize_tree "$root" "$root/usr/bin/authmigrate"
  deb=$out_dir/authmigrate_${version}_$(debian_arch "$cpu").deb
  dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
  echo "$deb"
done
