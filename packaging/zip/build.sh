#!/usr/bin/env bash
# Builds dist/authmigrate-<version>-win32-x64.zip from the Windows release binary
# (dist/win32-x64/authmigrate.exe, scripts/build-static.sh windows-x64): unzip it anywhere and run
# bin\authmigrate.exe; it finds share\authmigrate\ beside its bin\ by itself.
# Usage: packaging/zip/build.sh [--dist DIR] [--out DIR]     (default --out dist/)
# The version is the binary's own (`--version` under Wine), which must be CMakeLists.txt's. The same
# inputs and commit give the same bytes. Prints the zip's path.
# shellcheck source=SCRIPTDIR/../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
parse_args "$repo/dist" "$@"
make_work_dir
version=$(cmake_version)
exe=$(windows_binary "$version")

name=authmigrate-$version-win32-x64
top=$work/$name
install -D -m 0755 "$exe" "$top/bin/authmigrate.exe"
put_share "$top/share/authmigrate"
install -m 0644 "$repo/LICENSE" "$top/"
install -D -m 0644 "$repo/packaging/licenses/THIRD-PARTY-windows.md" "$top/LICENSES/THIRD-PARTY.md"
cp -R "$dist_dir/win32-x64/licenses/." "$top/LICENSES/"
normalize_tree "$top" "$top/bin/authmigrate.exe"
out=$out_dir/$name.zip
# Entries sorted, every time stamp the last commit's (zip cannot go before 1980), modes kept.
python3 - "$work" "$name" "$out" "$SOURCE_DATE_EPOCH" <<'PY'
import os, sys, time, zipfile
work, name, out, epoch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
stamp = time.gmtime(max(epoch, 315532800))[:6]
paths = []
for root, dirs, files in os.walk(os.path.join(work, name)):
    paths += [os.path.join(root, d) + "/" for d in dirs] + [os.path.join(root, f) for f in files]
paths.append(os.path.join(work, name) + "/")
with zipfile.ZipFile(out, "w") as z:
    for path in sorted(paths):
        entry = zipfile.ZipInfo(os.path.relpath(path, work) + ("/" if path.endswith("/") else ""), stamp)
        entry.create_system = 3  # Unix: the modes below are read by unzip
        if path.endswith("/"):
            entry.external_attr = (0o40755 << 16) | 0x10
            z.writestr(entry, b"")
        else:
            entry.external_attr = (0o100000 | (os.stat(path).st_mode & 0o777)) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                z.writestr(entry, f.read(), compresslevel=9)
PY
echo "$out"
