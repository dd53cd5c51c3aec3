#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of each library package from its code, then builds to check the result.
#
#   eng/update-public-api.sh            (from anywhere in the repository)
#
# Each Unshipped file is emptied (only "#nullable enable" stays) and refilled by the code fix of the public API
# analyzer: `dotnet format analyzers --diagnostics RS0016` declares every public symbol that PublicAPI.Shipped.txt
# does not already list. So members added, changed or made internal since the last release are all accounted for.
# (That code fix cannot remove lines, RS0017, which is why the file is emptied first.) Review the diff: it is the
# API change. A symbol listed in Shipped that is gone needs a "*REMOVED*" line in Unshipped, written by hand; the
# build at the end reports it (RS0017).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
projects=(src/Adapter/Adapter.csproj src/Adapter.Functions/Adapter.Functions.csproj)

for project in "${projects[@]}"; do
  folder="$repo_root/$(dirname "$project")"
  printf '#nullable enable\n' > "$folder/PublicAPI.Unshipped.txt"
  [[ -f "$folder/PublicAPI.Shipped.txt" ]] || printf '#nullable enable\n' > "$folder/PublicAPI.Shipped.txt"
  dotnet format analyzers "$repo_root/$project" --diagnostics RS0016 --severity warn
  echo "$(dirname "$project")/PublicAPI.Unshipped.txt: $(grep -vc '^#' "$folder/PublicAPI.Unshipped.txt") entries"
done

for project in "${projects[@]}"; do
  dotnet build "$repo_root/$project" -c Release -nologo -v quiet
done
