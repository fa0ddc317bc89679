#!/usr/bin/env bash
# ./admin.sh load --base URL [options]: the load harness (tests/Admin.Load): virtual users with real Blazor circuits
# against a running deployment. Builds the harness (not the app) and passes every option through; see README "Load testing".
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
dotnet build "$repo/tests/Admin.Load" -c Release --nologo -v quiet >&2
exec dotnet "$repo/tests/Admin.Load/bin/Release/net10.0/Admin.Load.dll" "$@"
