#!/usr/bin/env bash
# Builds the Function App root for Azure Functions Flex Consumption (Linux) and zips it for deployment.
#
#   deploy/publish.sh [--custom-handler] [output-dir]          (default: ./publish)
#
# Produces:
#   <output-dir>/app/       the app root. By default a .NET isolated worker (Flex runtime dotnet-isolated 10.0):
#                           host.json, functions.metadata (the one catch-all function), worker.config.json,
#                           .azurefunctions/, appsettings.json and FunctionApp.dll with its libraries, precompiled
#                           ReadyToRun for linux-x64. With --custom-handler (Flex runtime custom, infra parameter
#                           hostingMode=customHandler): host.json, routes/function.json, appsettings.json and
#                           FunctionApp, a Native AOT linux-x64 executable: machine code with the runtime compiled in,
#                           the fastest cold start.
#   <output-dir>/app.zip    the contents of app/ (host.json at the zip root, file modes kept), ready for the
#                           Azure CLI's zip deployment (`deployment source config-zip --src <output-dir>/app.zip`).
#   <output-dir>/symbols/   the debug symbols (PDBs, and FunctionApp.dbg for the native build), kept out of the
#                           package: they are only needed to read a crash dump.
#
# Native AOT needs clang and zlib (Debian/Ubuntu: apt-get install clang zlib1g-dev). Any trim or AOT warning fails
# the publish (TreatWarningsAsErrors), so what is published is what was analysed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hosting=IsolatedWorker
if [[ "${1:-}" == "--custom-handler" ]]; then
  hosting=CustomHandler
  shift
elif [[ "${1:-}" == -* ]]; then
  echo "publish.sh: unknown option $1 (usage: deploy/publish.sh [--custom-handler] [output-dir])" >&2
  exit 2
fi
output_dir="${1:-$repo_root/publish}"
mkdir -p "$output_dir"
output_dir="$(cd "$output_dir" && pwd)"
app_dir="$output_dir/app"
zip_file="$output_dir/app.zip"
symbols_dir="$output_dir/symbols"

# Start from empty: files left over from an earlier publish must not end up in the package.
rm -rf "$app_dir" "$zip_file" "$symbols_dir"

# FunctionApp.csproj picks ReadyToRun (worker) or Native AOT (custom handler); -r is the platform Flex runs.
dotnet publish "$repo_root/src/FunctionApp/FunctionApp.csproj" \
  -c Release -r linux-x64 \
  -p:RouteHandlersHosting="$hosting" \
  -o "$app_dir" \
  -nologo

mkdir -p "$symbols_dir"
find "$app_dir" -maxdepth 1 -type f \( -name '*.dbg' -o -name '*.pdb' \) -exec mv {} "$symbols_dir/" \;
# XML documentation of the libraries is for the IDE, not the server.
find "$app_dir" -maxdepth 1 -type f -name '*.xml' -delete

if [[ "$hosting" == CustomHandler ]]; then
  required=(host.json routes/function.json FunctionApp)
else
  required=(host.json functions.metadata worker.config.json FunctionApp.dll .azurefunctions)
fi
for item in "${required[@]}"; do
  if [[ ! -e "$app_dir/$item" ]]; then
    echo "publish.sh: $item is missing from $app_dir" >&2
    exit 1
  fi
done
if [[ "$hosting" == CustomHandler && ! -x "$app_dir/FunctionApp" ]]; then
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
            # ZipFile.write records the Unix mode, so an executable stays executable.
            archive.write(path, os.path.relpath(path, root))
PY
elif command -v zip >/dev/null 2>&1; then
  (cd "$app_dir" && zip -q -r -X "$zip_file" .)
else
  echo "publish.sh: neither python3 nor zip is installed; install one of them to build the package" >&2
  exit 1
fi

echo "Hosting:  $hosting"
echo "App root: $app_dir"
echo "Package:  $zip_file"
