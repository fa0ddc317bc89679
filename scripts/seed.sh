#!/usr/bin/env bash
# ./admin.sh seed [--rows N] [seed options]: load generated HealthChecks into the database `run` uses (the local
# cluster unless ConnectionStrings__Admin is set), with a progress bar and the load's figures at the end.
# Unlike `run --rows`, it loads into a table that already has rows too (deduplicated; see README "Demo data").
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/local-db.sh
. "$repo/scripts/lib/local-db.sh"

local_db_up
app_build_and_migrate
cd "$state/app"
ConnectionStrings__Admin="$conn" exec dotnet Admin.dll seed "$@"
