#!/usr/bin/env bash
# Behaviour check for restructures (issue #16): scans every shipped log with the CLI built from BASE (a git ref) and
# from HEAD (a git ref, or "worktree" for the working tree as it is), then compares each opportunities.json with the
# scan id and timestamps left out (compare-reports.py). Exit 0 when every report is identical, 1 when any differs.
#
#   tools/compare-scans/compare-scans.sh a5806d7 worktree
#
# Each log is scanned on its own (one failing log cannot hide the others); samples/ is also scanned as one folder,
# as the README's quick start does (with the SOP document). The LLM is off (--no-llm), so the reports are
# deterministic. Builds go to a temporary folder (COMPARE_DIR to keep them and reuse the base's scans;
# COMPARE_BASE_ONLY=1 stops after the base); the repository is not touched.
set -euo pipefail

base=${1:?usage: compare-scans.sh BASE_REF [HEAD_REF|worktree]}
head=${2:-worktree}
root=$(git rev-parse --show-toplevel)
work=${COMPARE_DIR:-$(mktemp -d)}
mkdir -p "$work"
echo "work folder: $work"

build() { # build REF NAME: the CLI of REF in $work/NAME/bin
  local ref=$1 name=$2 src
  if [[ $ref == worktree ]]; then
    src=$root
  else
    src=$work/$name/src
    rm -rf "$src" && mkdir -p "$src"
    git -C "$root" archive "$ref" | tar -x -C "$src"
  fi
  if [[ ! -f $work/$name/bin/scanner.dll || $ref == worktree ]]; then
    dotnet build "$src/src/AutomationScanner.Cli" -c Release -o "$work/$name/bin" -v quiet -nologo >"$work/$name.build.log" 2>&1 \
      || { cat "$work/$name.build.log"; exit 2; }
  fi
}

inputs=("$root/samples")
while IFS= read -r -d '' log; do inputs+=("$log"); done < <(
  find "$root/samples" "$root/data/eventlogs" "$root/data/ocel" -maxdepth 1 -type f \
    \( -name '*.xes' -o -name '*.xes.gz' -o -name '*.csv' -o -name '*.csv.gz' -o -name '*ocel*' -o -name '*.sqlite' \) -print0 | sort -z)

scan() { # scan NAME: every input with $work/NAME/bin into $work/NAME/out/<input>
  local name=$1 input label
  for input in "${inputs[@]}"; do
    if [[ -d $input ]]; then label=$(basename "$input")-folder; else label=$(basename "$(dirname "$input")")-$(basename "$input"); fi
    if [[ $name == base && -f $work/base/out/$label/opportunities.json && -f $work/base/done ]]; then
      continue # a kept COMPARE_DIR reuses the base scans
    fi
    rm -rf "$work/$name/out/$label"
    # Exit 2 (nothing readable) is a result to compare too; only a crash without a report counts as a difference.
    dotnet "$work/$name/bin/scanner.dll" scan "$input" --no-llm --out "$work/$name/out/$label" --top 0 \
      >"$work/$name/out.$label.log" 2>&1 || true
  done
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset AzureOpenAI__Endpoint AzureOpenAI__Deployment
build "$base" base
scan base
touch "$work/base/done"
[[ ${COMPARE_BASE_ONLY:-} == 1 ]] && exit 0
build "$head" head
scan head
python3 "$(dirname "$0")/compare-reports.py" "$work/base/out" "$work/head/out"
