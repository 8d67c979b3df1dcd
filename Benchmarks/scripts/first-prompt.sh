#!/usr/bin/env bash
# Time from spawning `sos play` to its first prompt, outside the benchmark framework:
# a cross-check of CommandLineBenchmarks that needs only bash (5+, for
# $EPOCHREALTIME) and, for the whole-command timings, hyperfine
# (`apt-get install -y hyperfine`).
#
# Usage (from anywhere):  Benchmarks/scripts/first-prompt.sh [RUNS]
# Needs the release binary: swift build -c release --scratch-path .build-release
# (at the repository root), or SOS_BINARY=/path/to/sos.
#
# Method: each run starts `sos play loyalty-data-exposed --as bench --db <tmp>/b.sqlite`
# as a coprocess with standard input and output as pipes, reads its output up to
# the first 'choice [1-N]>' and takes the time ($EPOCHREALTIME, microseconds) from
# just before the spawn to that moment; then it closes standard input, so sos
# saves and exits, and waits for it. The database is made by one untimed run first
# (a workshop machine already has one). Bash reads a pipe a byte at a time, which
# adds well under a millisecond to each figure.
set -euo pipefail

runs=${1:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
sos=${SOS_BINARY:-$root/.build-release/release/sos}
if [[ ! -x $sos ]]; then
  echo "error: no executable at $sos" >&2
  echo "build it: (cd $root && swift build -c release --scratch-path .build-release)" >&2
  exit 66
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$root"
export NO_COLOR=1

# Prints the milliseconds from spawn to the first choice prompt.
first_prompt_ms() {
  local database=$1 start end chunk found=0
  start=$EPOCHREALTIME
  coproc SOS { exec "$sos" play loyalty-data-exposed --as bench --db "$database" 2>/dev/null; }
  local out=${SOS[0]} input=${SOS[1]} pid=$SOS_PID
  while IFS= read -r -d '>' -u "$out" chunk; do
    if [[ $chunk == *"choice [1-"*"]" ]]; then
      found=1
      break
    fi
  done
  end=$EPOCHREALTIME
  exec {input}>&-
  cat <&"$out" >/dev/null || true
  wait "$pid" || true
  if ((found == 0)); then
    echo "error: sos play printed no choice prompt" >&2
    return 1
  fi
  # $EPOCHREALTIME is seconds.microseconds; subtract as integers of microseconds.
  local us=$((10#${end/./} - 10#${start/./}))
  printf '%d.%03d\n' $((us / 1000)) $((us % 1000))
}

first_prompt_ms "$scratch/b.sqlite" >/dev/null # makes the database; not counted
samples=()
for ((i = 0; i < runs; i++)); do
  samples+=("$(first_prompt_ms "$scratch/b.sqlite")")
done
printf '%s\n' "${samples[@]}" | sort -n | awk -v runs="$runs" '
  { v[NR] = $1; sum += $1 }
  END {
    i50 = int(0.50 * NR + 0.5); if (i50 < 1) i50 = 1
    i90 = int(0.90 * NR + 0.5); if (i90 < 1) i90 = 1
    i99 = int(0.99 * NR + 0.5); if (i99 < 1) i99 = 1
    printf "sos play to first prompt (existing database), %d runs, ms:\n", NR
    printf "  min %.1f  p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  mean %.1f\n",
      v[1], v[i50], v[i90], v[i99], v[NR], sum / NR
  }'

if command -v hyperfine >/dev/null; then
  echo
  echo "Whole commands (hyperfine; play with standard input at end of file exits after"
  echo "the first prompt, so it is an upper bound of the time to that prompt):"
  hyperfine --warmup 2 --runs "$runs" --style basic \
    --command-name 'sos --version' "$sos --version" \
    --command-name 'sos play (stdin at EOF)' \
    "$sos play loyalty-data-exposed --as bench --db $scratch/b.sqlite </dev/null" \
    --command-name 'sos validate scenarios/*.yaml' "$sos validate scenarios/*.yaml"
else
  echo "(hyperfine not installed: apt-get install -y hyperfine for the whole-command timings)"
fi
