#!/usr/bin/env bash
# Builds the npm tarballs from the release binaries: `authmigrate` (the launcher and export-schema.mjs)
# and `@authmigrate/linux-<cpu>` (one static binary each), and `@authmigrate/win32-x64` (the .exe; not
# with --only), all of one version, the binaries' own.
# Usage: packaging/npm/pack.sh [--dist DIR] [--out DIR] [--only x64|arm64]     (default --out dist/npm)
# Prints the tarballs' paths. Publish them with `npm publish <tarball>`, the platform packages first.
# shellcheck source=SCRIPTDIR/../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
parse_args "$repo/dist/npm" "$@"
version=$(release_version)
[[ -z $windows ]] || exe=$(windows_binary "$version")
npm_dir=$repo/packaging/npm
make_work_dir

# The templates carry a placeholder version (and CPU): the real one is known only from the binaries.
fill_package_json() {  # file version [cpu]
  node -e '
    const fs = require("fs");
    const [file, version, cpu] = process.argv.slice(1);
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    pkg.version = version;
    if (cpu) {
      pkg.name = pkg.name.replace("CPU", cpu);
      pkg.description = pkg.description.replace("CPU", cpu);
      pkg.cpu = [cpu];
    }
    // Exactly this version: a launcher and a binary of different releases are never installed together.
    for (const dep of Object.keys(pkg.optionalDependencies || {})) pkg.optionalDependencies[dep] = version;
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  ' "$@"
}

stage_main() {  # dir
  local dir=$1
  install -D -m 0644 "$npm_dir/authmigrate/package.json" "$npm_dir/authmigrate/README.md" -t "$dir"
  install -D -m 0644 "$npm_dir/authmigrate/bin/authmigrate.js" -t "$dir/bin"
  install -D -m 0644 "$npm_dir"/authmigrate/lib/index.{mjs,cjs,d.ts} -t "$dir/lib"
  install -m 0644 "$repo/LICENSE" "$dir/"
  put_share "$dir/share/authmigrate"
  fill_package_json "$dir/package.json" "$version"
  normalize_tree "$dir" "$dir/bin/authmigrate.js"
}

stage_platform() {  # cpu dir
  local cpu=$1 dir=$2
  mkdir -p "$dir"
  install -m 0644 "$npm_dir/platform/package.json" "$repo/LICENSE" "$dir/"
  sed "s/CPU/$cpu/g" "$npm_dir/platform/README.md" >"$dir/README.md"
  put_binary "$cpu" "$dir/bin/authmigrate"
  put_licences "$cpu" "$dir" "$dir/licenses"
  fill_package_json "$dir/package.json" "$version" "$cpu"
  normalize_tree "$dir" "$dir/bin/authmigrate"
}

stage_windows() {  # dir
  local dir=$1
  mkdir -p "$dir/licenses"
  install -m 0644 "$npm_dir/platform-win32/package.json" "$npm_dir/platform-win32/README.md" "$repo/LICENSE" "$dir/"
  install -D -m 0755 "$exe" "$dir/bin/authmigrate.exe"
  install -m 0644 "$repo/packaging/licenses/THIRD-PARTY-windows.md" "$dir/THIRD-PARTY.md"
  cp -R "$(dirname "$exe")/licenses/." "$dir/licenses/"
  fill_package_json "$dir/package.json" "$version"
  normalize_tree "$dir" "$dir/bin/authmigrate.exe"
}

pack() {  # dir executable-in-package: prints the tarball's path
  local tarball
  tarball=$(cd "$1" && npm pack --ignore-scripts --loglevel=error --pack-destination "$out_dir" | tail -n 1)
  # npm keeps the exec bit today; a launcher or binary without it would fail on every install.
  tar -tvzf "$out_dir/$tarball" "package/$2" | grep -q '^-rwxr-xr-x' ||
    die "$tarball: package/$2 is not mode 0755"
  echo "$out_dir/$tarball"
}

stage_main "$work/authmigrate"
tarballs=()
for cpu in "${cpus[@]}"; do
  stage_platform "$cpu" "$work/linux-$cpu"
  tarballs+=("$(pack "$work/linux-$cpu" bin/authmigrate)")
done
if [[ -n $windows ]]; then
  stage_windows "$work/win32-x64"
  tarballs+=("$(pack "$work/win32-x64" bin/authmigrate.exe)")
fi
tarballs+=("$(pack "$work/authmigrate" bin/authmigrate.js)")
printf '%s\n' "${tarballs[@]}"
