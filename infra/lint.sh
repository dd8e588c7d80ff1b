#!/usr/bin/env bash
# Compiles and lints every Bicep file under infra/ with the Bicep CLI from NuGet (tools/bicep/bicep.sh),
# failing on any diagnostic at all (errors, warnings, infos) or on unformatted files, then checks what
# the template deploys:
# `bicep snapshot` evaluates main.bicep for the two parameter files in infra/tests/ and
# infra/tests/AssertTemplate.cs asserts on the resolved resources. Offline: no registry modules, and the
# network-reaching linter rule is off (infra/bicepconfig.json).
#   bash infra/lint.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bicep="$(tools/bicep/bicep.sh --print-path)"
echo "Bicep: $("$bicep" --version)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

status=0
# Runs a Bicep command; any output (Bicep prints only diagnostics) or a non-zero exit fails the check.
run_clean() {
  local label="$1"; shift
  local out
  if ! out="$("$@" 2>&1)" || [[ -n "$out" ]]; then
    echo "FAIL - $label"
    [[ -n "$out" ]] && echo "$out" | sed 's/^/       /'
    status=1
  else
    echo "ok   - $label"
  fi
}

# The gate must be live: a file with a known linter finding has to be reported.
printf 'param unused string\n' > "$work/canary.bicep"
cp infra/bicepconfig.json "$work/"
if canary="$("$bicep" lint --no-restore "$work/canary.bicep" 2>&1)" && [[ -z "$canary" ]]; then
  echo "FAIL - linter canary: an unused parameter was not reported, so the lint gate is not working"
  status=1
else
  echo "ok   - linter canary reported: $(echo "$canary" | grep -o 'no-unused-params' | head -1)"
fi

# One CLI start for every file (each start costs seconds); diagnostics name the file and line.
count="$(find infra -name '*.bicep' | wc -l)"
run_clean "lint infra/**/*.bicep ($count files)" "$bicep" lint --no-restore --pattern 'infra/**/*.bicep'
# Formatting: `bicep format` on a copy must change nothing (fix with: tools/bicep/bicep.sh format --pattern 'infra/**/*.bicep').
mkdir -p "$work/format"
cp -r infra/. "$work/format/"
"$bicep" format --pattern "$work/format/**/*.bicep" >/dev/null 2>&1 || true
if unformatted="$(cd "$work/format" && for f in $(find . -name '*.bicep'); do cmp -s "$f" "$root/infra/$f" || echo "infra/${f#./}"; done)" && [[ -z "$unformatted" ]]; then
  echo "ok   - bicep format leaves infra/**/*.bicep unchanged"
else
  echo "FAIL - not formatted (run: tools/bicep/bicep.sh format --pattern 'infra/**/*.bicep'):"
  echo "$unformatted" | sed 's/^/       /'
  status=1
fi
run_clean "build infra/main.bicep" "$bicep" build --no-restore infra/main.bicep --outfile "$work/main.json"

# Snapshots are written next to their .bicepparam; evaluate copies so the tree stays clean.
mkdir -p "$work/infra"
cp -r infra/. "$work/infra/"
for scenario in flex auth; do
  run_clean "snapshot infra/tests/$scenario.bicepparam" "$bicep" snapshot "$work/infra/tests/$scenario.bicepparam" \
    --mode overwrite \
    --tenant-id 00000000-0000-0000-0000-000000000002 \
    --subscription-id 00000000-0000-0000-0000-000000000001 \
    --location swedencentral \
    --deployment-name ci
done

if [[ $status -ne 0 ]]; then
  echo "infra/lint.sh: Bicep diagnostics above must be fixed (or the rule disabled with a reason in infra/bicepconfig.json)"
  exit 1
fi

dotnet run infra/tests/AssertTemplate.cs -- \
  "$work/main.json" \
  "$work/infra/tests/flex.snapshot.json" \
  "$work/infra/tests/auth.snapshot.json" \
  infra/main.parameters.json
