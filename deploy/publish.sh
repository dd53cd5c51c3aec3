#!/usr/bin/env bash
# Builds the Function App root for Azure Functions Flex Consumption (Linux) and zips it for deployment.
#
#   deploy/publish.sh [output-dir]          (default: ./publish)
#
# Produces:
#   <output-dir>/app/       the app root: host.json, routes/function.json, appsettings.json and FunctionApp, a
#                           Native AOT linux-x64 executable (host.json's defaultExecutablePath): machine code with
#                           the runtime compiled in, so it needs no .NET on the instance and starts in milliseconds.
#   <output-dir>/app.zip    the contents of app/ (host.json at the zip root, file modes kept), ready for
#                           `az functionapp deployment source config-zip --src <output-dir>/app.zip`.
#   <output-dir>/symbols/   the native debug symbols (FunctionApp.dbg) and PDBs, kept out of the package: they are
#                           twice the size of the executable and only needed to read a crash dump.
#
# Native AOT needs clang and zlib (Debian/Ubuntu: apt-get install clang zlib1g-dev). Any trim or AOT warning fails
# the publish (TreatWarningsAsErrors), so what is published is what was analysed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output_dir="${1:-$repo_root/publish}"
mkdir -p "$output_dir"
output_dir="$(cd "$output_dir" && pwd)"
app_dir="$output_dir/app"
zip_file="$output_dir/app.zip"
symbols_dir="$output_dir/symbols"

# Start from empty: files left over from an earlier publish must not end up in the package.
rm -rf "$app_dir" "$zip_file" "$symbols_dir"

# FunctionApp.csproj sets PublishAot; -r picks the platform the Functions host runs.
dotnet publish "$repo_root/src/FunctionApp/FunctionApp.csproj" \
  -c Release -r linux-x64 \
  -o "$app_dir" \
  -nologo

mkdir -p "$symbols_dir"
find "$app_dir" -maxdepth 1 -type f \( -name '*.dbg' -o -name '*.pdb' \) -exec mv {} "$symbols_dir/" \;
# XML documentation of the libraries is for the IDE, not the server.
find "$app_dir" -maxdepth 1 -type f -name '*.xml' -delete

for required in host.json routes/function.json FunctionApp; do
  if [[ ! -e "$app_dir/$required" ]]; then
    echo "publish.sh: $required is missing from $app_dir" >&2
    exit 1
  fi
done
if [[ ! -x "$app_dir/FunctionApp" ]]; then
  echo "publish.sh: $app_dir/FunctionApp is not executable" >&2
  exit 1
fi

# Zip the folder's contents (not the folder): host.json must sit at the root of the package.
if command -v python3 >/dev/null 2>&1; then
  python3 - "$app_dir" "$zip_file" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            # ZipFile.write records the Unix mode, so FunctionApp stays executable.
            archive.write(path, os.path.relpath(path, root))
PY
elif command -v zip >/dev/null 2>&1; then
  (cd "$app_dir" && zip -q -r -X "$zip_file" .)
else
  echo "publish.sh: neither python3 nor zip is installed; install one of them to build the package" >&2
  exit 1
fi

echo "App root: $app_dir"
echo "Package:  $zip_file"
