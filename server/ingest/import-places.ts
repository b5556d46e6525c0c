import { readFile } from 'node:fs/promises';
import type { Db } from '../db/index.js';
import { insertPlaceLayer, replaceLayerPlaces, type NewPlaceLayer } from '../db/places.js';
import { policeForceAreaIndex } from '../geo/boundaries.js';
import type { PlaceInput } from '../geo/places.js';
import type { PlaceType } from '../domain/place-types.js';
import { readCsv } from './csv-reader.js';
import { ImportError } from './errors.js';
import { placeColumns } from './place-rows.js';
import { ImportReportBuilder, type ImportReport } from './report.js';
import { expandInputs } from './sources.js';

export interface PlaceImportRequest {
  path: string;
  fileName: string;
  /** A new layer, or an existing one (by id) whose places the upload replaces. */
  into:
    | { layer: NewPlaceLayer & { type: PlaceType } }
    | { layerId: number; type: string; name: string; source: string | null; licence: string | null };
}

/** Imports a user's point layer (CSV or GeoJSON) atomically, reporting rejected rows; the report's `layerId` names the layer. */
export async function importPlaces(db: Db, req: PlaceImportRequest): Promise<ImportReport & { layerId: number }> {
  const layer = 'layer' in req.into ? req.into.layer : req.into;
  if ('layer' in req.into && req.into.layer.restricted && !req.into.layer.ownerScope)
    throw new ImportError(`${req.fileName}: a restricted layer needs an owner (a partnership or PCC)`);
  const report = new ImportReportBuilder(0, layer.name);
  const places: PlaceInput[] = [];
  const base = {
    type: layer.type,
    source: layer.source ?? 'uploaded by a user',
    licence: layer.licence,
    note: null,
    proxy: false,
  };
  if (/\.(geo)?json$/i.test(req.fileName)) {
    const file = report.startFile(req.fileName);
    for (const [i, f] of readGeoJsonPoints(await readFile(req.path, 'utf8'), req.fileName).entries()) {
      file.rowsRead++;
      const feature = `feature ${i + 1}`;
      const coords = f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
      const name = typeof f?.properties?.name === 'string' ? f.properties.name.trim() : '';
      if (!coords) report.reject(file, i + 1, 'not a point', `${feature} is not a Point`);
      else if (!name) report.reject(file, i + 1, 'no name', `${feature} has no "name" property`);
      else if (
        !(Number.isFinite(coords[0]) && Number.isFinite(coords[1])) ||
        Math.abs(coords[1]!) > 90 ||
        Math.abs(coords[0]!) > 180
      )
        report.reject(file, i + 1, 'invalid coordinates', `${feature}: coordinates are not WGS84 longitude/latitude`);
      else if (policeForceAreaIndex().locate(coords[0]!, coords[1]!) === null)
        report.reject(file, i + 1, 'outside England and Wales');
      else {
        const { name: _n, ...attributes } = f.properties ?? {};
        places.push({
          ...base,
          name,
          lng: coords[0]!,
          lat: coords[1]!,
          attributes,
          positionSource: 'GeoJSON point as supplied',
        });
        report.accept(file, 'n/a');
      }
    }
  } else {
    const [source] = await expandInputs([req.path], undefined, () => req.fileName);
    const records = readCsv(await source!.open(), req.fileName);
    const first = await records.next();
    if (first.done) throw new ImportError(`${req.fileName}: the file is empty`);
    const columns = placeColumns(first.value.values, req.fileName);
    const file = report.startFile(req.fileName);
    for await (const { line, values } of records) {
      file.rowsRead++;
      if (values.length !== first.value.values.length) {
        report.reject(
          file,
          line,
          'wrong number of columns',
          `wrong number of columns (${values.length}, expected ${first.value.values.length})`,
        );
        continue;
      }
      const name = (values[columns.name] ?? '').trim();
      if (!name) {
        report.reject(file, line, 'no name');
        continue;
      }
      const at = columns.locate(values);
      if ('category' in at) {
        report.reject(file, line, at.category, at.reason);
        continue;
      }
      const attributes = Object.fromEntries(columns.attributes.map((a) => [a.column, values[a.index] ?? '']));
      places.push({ ...base, name, ...at, attributes, positionSource: columns.positionSource });
      report.accept(file, 'n/a');
    }
    if (file.rowsRead === 0) throw new ImportError(`${req.fileName}: has a header but no rows`);
  }
  if (places.length === 0) throw new ImportError(`no places accepted from ${req.fileName}`, report.build());
  const into = req.into;
  const layerId = await db.transaction(async (tx) => {
    if ('layer' in into) return insertPlaceLayer(tx, into.layer, places);
    await replaceLayerPlaces(tx, into.layerId, places);
    return into.layerId;
  });
  const { acceptedByMonth: _m, datasetId: _d, monthsReplaced: _r, ...rest } = report.build();
  return { ...rest, datasetId: 0, monthsReplaced: [], acceptedByMonth: {}, layerId };
}

interface PointFeature {
  geometry?: { type?: string; coordinates?: number[] };
  properties?: Record<string, unknown> & { name?: unknown };
}

function readGeoJsonPoints(text: string, fileName: string): PointFeature[] {
  let parsed: { type?: string; features?: unknown };
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError(`${fileName}: not valid JSON (${(e as Error).message})`);
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features))
    throw new ImportError(`${fileName}: not a GeoJSON FeatureCollection`);
  return parsed.features as PointFeature[];
}
