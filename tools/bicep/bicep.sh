#!/usr/bin/env bash
# Runs the Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (pinned in bicep.csproj).
# First use restores the package into tools/bicep/.packages with `dotnet restore` (NuGet feed only, no
# other download), finds the `bicep` binary inside it and marks it executable.
#   tools/bicep/bicep.sh --version
#   tools/bicep/bicep.sh --print-path     # prints the binary's path and exits
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packages="$here/.packages"
# The pinned version, read from bicep.csproj so a bump there never runs a stale binary.
version="$(sed -n 's/.*Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' "$here/bicep.csproj")"
if [[ -z "$version" ]]; then
  echo "bicep.sh: no pinned Azure.Bicep.CommandLine.linux-x64 version found in $here/bicep.csproj" >&2
  exit 1
fi
package_dir="$packages/azure.bicep.commandline.linux-x64/$version"

find_binary() {
  [[ -d "$package_dir" ]] || return 0
  find "$package_dir" -type f -path '*/tools/bicep' -print -quit
}

binary="$(find_binary)"
if [[ -z "$binary" ]]; then
  dotnet restore "$here/bicep.csproj" --packages "$packages" --verbosity quiet >&2
  binary="$(find_binary)"
  if [[ -z "$binary" ]]; then
    echo "bicep.sh: restore succeeded but no tools/bicep binary was found under $package_dir" >&2
    exit 1
  fi
fi
[[ -x "$binary" ]] || chmod +x "$binary"

if [[ "${1:-}" == "--print-path" ]]; then
  echo "$binary"
  exit 0
fi
exec "$binary" "$@"
