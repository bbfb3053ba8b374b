#!/usr/bin/env bash
# The README's first command: installs what is missing, builds authmigrate, and runs a real
# migration on the embedded default (SQLite, no server): the Better Auth core tables as
# `auth generate` writes them, the tables of two plugins from examples/quickstart/authmigrate.toml
# (the schema sync), and a project migration. Run it twice: the second run is a no-op.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash scripts/build.sh build -DAUTHMIGRATE_BUILD_TESTS=OFF
mkdir -p .authmigrate/quickstart
db="sqlite:.authmigrate/quickstart/app.db"
dir=examples/quickstart/better-auth_migrations
config=examples/quickstart/authmigrate.toml
build/src/cli/authmigrate migrate --url "$db" --dir "$dir" --config "$config" --yes
build/src/cli/authmigrate status --url "$db" --dir "$dir" --config "$config"
echo
echo "authmigrate is at build/src/cli/authmigrate; the database is .authmigrate/quickstart/app.db"
