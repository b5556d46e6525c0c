import { cellToBoundary } from 'h3-js';
import type { Context } from 'hono';
import { exportHeader, exportLanguageLabels } from '../export/export-language.js';
import { spreadsheetCsv } from '../export/spreadsheet-csv.js';
import type { Language } from '../domain/i18n/translate.js';

/**
 * A CSV download as spreadsheets open it safely (spreadsheetCsv), its headers in the asked
 * language and that language named in Content-Language (a CSV has nowhere else to say it).
 */
export function csvResponse(
  c: Context,
  name: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  language: Language = 'en',
) {
  const { contentLanguage, suppressed } = exportLanguageLabels(language);
  const text = spreadsheetCsv(exportHeader(language, header), rows, suppressed);
  c.header('content-disposition', `attachment; filename="${name}.csv"`);
  c.header('content-language', contentLanguage);
  return c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8' });
}

/** An H3 cell's outline as a GeoJSON polygon (WGS84, closed ring, 6 decimals: about 10 cm). */
export function cellPolygon(h3: string) {
  return {
    type: 'Polygon' as const,
    coordinates: [cellToBoundary(h3, true).map(([lng, lat]) => [Number(lng.toFixed(6)), Number(lat.toFixed(6))])],
  };
}

/** Cells as a GeoJSON FeatureCollection download, each cell's properties as given. */
export function cellsGeoJsonResponse<T extends { h3: string }>(
  c: Context,
  name: string,
  cells: readonly T[],
  metadata: Record<string, unknown> = {},
) {
  const features = cells.map((cell) => ({
    type: 'Feature' as const,
    properties: cell,
    geometry: cellPolygon(cell.h3),
  }));
  c.header('content-disposition', `attachment; filename="${name}.geojson"`);
  return c.body(JSON.stringify({ type: 'FeatureCollection', metadata, features }), 200, {
    'content-type': 'application/geo+json',
  });
}
