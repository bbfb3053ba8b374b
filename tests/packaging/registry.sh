# shellcheck shell=bash
# A local npm registry (Verdaccio) for the packaging tests that install authmigrate as users do
# (npm_e2e.sh, export_apps.sh): our packages live only there; everything else is proxied from the registry
# npm is configured with. Sourced after lib.sh; needs $work (removed by the caller).
#   start_registry          starts it; sets $registry (http://127.0.0.1:PORT/) and npm_config_userconfig
#   publish_packages DIST   packs dist/ (packaging/npm/pack.sh) and publishes every package
#   stop_registry           for the caller's EXIT trap
registry_pid=

start_registry() {
  local src=$repo/tests/packaging/verdaccio key dir port
  key=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -c1-12)
  dir=${XDG_CACHE_HOME:-$HOME/.cache}/authmigrate/verdaccio/$key
  if [[ ! -x $dir/node_modules/.bin/verdaccio ]]; then
    echo "-- installing Verdaccio into $dir"
    rm -rf "$dir" && mkdir -p "$dir" && cp "$src/package.json" "$src/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
  fi
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  registry=http://127.0.0.1:$port/
  cat >"$work/verdaccio.yaml" <<EOF2
storage: $work/storage
auth:
  htpasswd:
    file: $work/htpasswd
uplinks:
  upstream:
    url: $(npm config get registry)
    timeout: 60s
packages:
  '@authmigrate/*':
    access: \$all
    publish: \$all
  'authmigrate':
    access: \$all
    publish: \$all
  '**':
    access: \$all
    proxy: upstream
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
EOF2
  "$dir/node_modules/.bin/verdaccio" --config "$work/verdaccio.yaml" --listen "127.0.0.1:$port" >"$work/verdaccio.log" 2>&1 &
  registry_pid=$!
  local deadline=$((SECONDS + 60))
  until curl -fsS "${registry}-/ping" >/dev/null 2>&1; do
    if ! kill -0 "$registry_pid" 2>/dev/null || ((SECONDS > deadline)); then
      echo "Verdaccio did not start; its log:" >&2
      cat "$work/verdaccio.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  # Every npm below reads this, never the user's ~/.npmrc. The token is a dummy: npm wants one to publish.
  export npm_config_userconfig=$work/npmrc
  cat >"$npm_config_userconfig" <<EOF2
registry=$registry
//${registry#http://}:_authToken=dummy-token-for-the-local-registry
fund=false
audit=false
update-notifier=false
EOF2
}

# publish_packages DIST: the platform packages first (the main one's optionalDependencies name them).
# Sets $tarballs.
publish_packages() {
  local t
  mapfile -t tarballs < <(bash "$repo/packaging/npm/pack.sh" --dist "$1" --out "$work/npm")
  for t in "${tarballs[@]}"; do
    npm publish "$t" --loglevel=error >/dev/null || return 1
  done
}

stop_registry() {
  [[ -n $registry_pid ]] || return 0
  kill "$registry_pid" 2>/dev/null || true
  wait "$registry_pid" 2>/dev/null || true  # its death by SIGTERM must not end the caller's trap (set -e)
}
