#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz, replays each corpus (every seed and kept
# crash), then fuzzes each target for AM_FUZZ_SECONDS (default 20). Exits 1 when any input crashes,
# printing where libFuzzer saved it. New inputs go to build-fuzz/fuzz/work/<target>/ (not the repo).
# Usage: tests/fuzz/run.sh [target...]     default: every target; AM_FUZZ_BUILD_DIR overrides build-fuzz.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}  # see scripts/build.sh
build_dir=${AM_FUZZ_BUILD_DIR:-build-fuzz}
seconds=${AM_FUZZ_SECONDS:-12}
targets=("$@")
((${#targets[@]})) || targets=(database_url_fuzz dotenv_fuzz sql_splitter_fuzz schema_toml_fuzz schema_json_fuzz)

CC=clang CXX=clang++ cmake -G Ninja -S . -B "$build_dir" -DAUTHMIGRATE_FUZZ=ON -DAUTHMIGRATE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" --target am_fuzzers

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
failed=()
for target in "${targets[@]}"; do
  program=$build_dir/tests/fuzz/$target
  corpus=tests/fuzz/corpus/$target
  out=$build_dir/fuzz
  mkdir -p "$out/work/$target" "$out/crashes/$target" "$out/logs"
  log=$out/logs/$target.log
  dict=()
  [[ -f tests/fuzz/$target.dict ]] && dict=("-dict=tests/fuzz/$target.dict")

  # Replay: each file of the corpus once, as given (no libFuzzer writes into the repo).
  if ! "$program" "$corpus"/* >"$log" 2>&1; then
    echo "fuzz: $target: an input of $corpus crashes:" >&2
    grep -a -E 'Running:|ERROR|runtime error|fuzz property broken|^    #[0-9]' "$log" | tail -30 >&2
    failed+=("$target (corpus replay)")
    continue
  fi
  if "$program" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/crashes/$target/" "$out/work/$target" "$corpus" >"$log" 2>&1; then
    runs=$(grep -a -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $target: ok, $runs inputs in ${seconds}s"
  else
    echo "fuzz: $target: crashed; log $log" >&2
    grep -a -E 'ERROR|runtime error|fuzz property broken|^    #[0-9]|Test unit written' "$log" | tail -30 >&2
    echo "fuzz: keep the input as $corpus/regression-<what-it-shows> once fixed" >&2
    failed+=("$target")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
