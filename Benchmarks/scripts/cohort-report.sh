#!/usr/bin/env bash
# Times `sos cohort import` of a folder of session files into a new database, then
# `sos cohort report` of that cohort twice (the first run derives and caches what the
# import did not; the second reads the cache), then once with --rescore (every
# session replayed, as after a new scoring version), under /usr/bin/time: CPU (user +
# system), wall time and maximum resident set size. Issue 14's cohort figures. A
# binary without --rescore (before the score cache) skips that line.
#
# Usage:  Benchmarks/scripts/cohort-report.sh FOLDER [RUNS]
#   FOLDER  session files, e.g. from Benchmarks/scripts/generate-sessions.py
#   RUNS    how many times to repeat the whole measurement (default 1)
# SOS_BINARY=/path/to/sos times another binary (default: the release build at
# .build-release/release/sos); SOS_FORMAT picks the report format (default text).
#
#   python3 Benchmarks/scripts/generate-sessions.py --count 10000 --out /tmp/hand-ins
#   Benchmarks/scripts/cohort-report.sh /tmp/hand-ins
set -euo pipefail

folder=${1:?usage: cohort-report.sh FOLDER [RUNS]}
runs=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
sos=${SOS_BINARY:-$root/.build-release/release/sos}
format=${SOS_FORMAT:-text}
if [[ ! -x $sos ]]; then
  echo "error: no executable at $sos (set SOS_BINARY)" >&2
  exit 66
fi
count=$(find "$folder" -maxdepth 1 -name '*.json' | wc -l)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$root"
export NO_COLOR=1

# Runs a command under /usr/bin/time and prints one line: label, CPU, wall, max RSS.
measure() {
  local label=$1
  shift
  /usr/bin/time -f "%U %S %e %M" -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err" || {
    echo "error: $label failed:" >&2
    tail -5 "$scratch/err" >&2
    exit 1
  }
  read -r user system wall rss <"$scratch/time"
  printf '%-28s %8.2f s CPU %8.2f s wall %8.1f MB max RSS\n' "$label" \
    "$(echo "$user + $system" | bc)" "$wall" "$(echo "scale=1; $rss / 1024" | bc)"
}

echo "sos: $sos ($count session files, $format report, load $(cut -d' ' -f1-3 /proc/loadavg))"
for ((run = 1; run <= runs; run++)); do
  database=$scratch/bench-$run.sqlite
  "$sos" cohort create bench --db "$database" >/dev/null
  measure "cohort import" "$sos" cohort import bench "$folder" --db "$database"
  measure "cohort report (first run)" "$sos" cohort report bench --format "$format" \
    --out "$scratch/report-1.$format" --db "$database"
  measure "cohort report (second run)" "$sos" cohort report bench --format "$format" \
    --out "$scratch/report-2.$format" --db "$database"
  if ! cmp -s "$scratch/report-1.$format" "$scratch/report-2.$format"; then
    echo "error: the two reports differ" >&2
    exit 1
  fi
  if "$sos" cohort report --help | grep -q -- --rescore; then
    measure "cohort report --rescore" "$sos" cohort report bench --format "$format" \
      --out "$scratch/report-3.$format" --rescore --db "$database"
    if ! cmp -s "$scratch/report-1.$format" "$scratch/report-3.$format"; then
      echo "error: the report with --rescore differs" >&2
      exit 1
    fi
  fi
  rm -f "$database" "$database"-*
done
