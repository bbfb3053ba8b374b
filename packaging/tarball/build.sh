#!/usr/bin/env bash
# Builds dist/authmigrate-<version>-linux-<x64|arm64>.tar.gz from the static release binaries: unpack it
# anywhere and run bin/authmigrate; it finds share/authmigrate/ beside its bin/ by itself.
# Usage: packaging/tarball/build.sh [--dist DIR] [--out DIR] [--only x64|arm64]     (default --out dist/)
# Prints the tarballs' paths. The same inputs and commit give the same bytes.
# shellcheck source=SCRIPTDIR/../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
parse_args "$repo/dist" "$@"
version=$(release_version)
make_work_dir

for cpu in "${cpus[@]}"; do
  name=authmigrate-$version-linux-$cpu
  top=$work/$name
  put_binary "$cpu" "$top/bin/authmigrate"
  put_share "$top/share/authmigrate"
  install -m 0644 "$repo/LICENSE" "$top/"
  put_licences "$cpu" "$top/LICENSES" "$top/LICENSES"
  normalize_tree "$top" "$top/bin/authmigrate"
  out=$out_dir/$name.tar.gz
  tar -C "$work" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    --format=gnu -cf - "$name" | gzip -9n >"$out"
  echo "$out"
done
