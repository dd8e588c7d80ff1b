#!/usr/bin/env bash
# Scans each bomb alone with the Release CLI under /usr/bin/time -v; prints peak RSS, CPU (user+sys), wall time,
# the exit code and what the report says about the file. Usage: tools/hostile/run-bombs.sh /tmp/bombs [scanner.dll]
set -u
dir=${1:-/tmp/bombs}
dll=${2:-src/AutomationScanner.Cli/bin/Release/net10.0/scanner.dll}
printf '%-24s %12s %10s %8s %8s %4s  %s\n' file bytes peak_MB cpu_s wall_s rc outcome
for f in "$dir"/*; do
  out=$(mktemp -d)
  /usr/bin/time -v -o "$out/time" dotnet "$dll" scan "$f" --no-llm --out "$out/report" > "$out/stdout" 2>&1
  rc=$?
  peak=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$out/time")
  cpu=$(awk -F: '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$out/time")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$out/time")
  outcome=$(grep -m1 -E "$(basename "$f")|events|error" "$out/stdout" | tr -s ' ' | cut -c1-150)
  printf '%-24s %12s %10s %8s %8s %4s  %s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$peak" "$cpu" "$wall" "$rc" "$outcome"
  rm -rf "$out"
done
