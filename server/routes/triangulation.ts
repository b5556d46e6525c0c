import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { areaParam } from '../domain/area.js';
import { SETTINGS, WEAPONS } from '../domain/attributes.js';
import { writeGeoPackage } from '../export/geopackage.js';
import type { AppEnv } from '../http/env.js';
import { cellPolygon, cellsGeoJsonResponse, csvResponse } from '../http/export-format.js';
import { exportLanguageQuery } from '../export/export-language.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { publicField, publicRefusal } from '../http/public-check.js';
import { groupList, idList, selectionFields, selectionSchema } from '../http/selection-params.js';
import { ringField } from '../http/selection-params.js';
import { selection } from '../http/selection.js';
import { validate } from '../http/validate.js';
import {
  type Triangulation,
  triangulation,
  triangulationAudited,
  triangulationExportCells,
  triangulationProblem,
  triangulationPublished,
  triangulationSources,
  triangulationSurroundings,
} from '../services/triangulation.js';

const vocabulary = (words: readonly string[], what: string) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .refine((xs) => xs.every((x) => words.includes(x)), { message: `unknown ${what} (known: ${words.join(', ')})` });

const triangulationQuery = selectionSchema({
  from: selectionFields.from,
  to: selectionFields.to,
  weekdays: selectionFields.weekdays,
  hours: selectionFields.hours,
  police: idList,
  ed: idList,
  policeGroups: groupList.optional(),
  edGroups: groupList.optional(),
  area: areaParam,
  res: z
    .enum(['7', '8', '9'])
    .default('8')
    .transform((r) => Number(r) as 7 | 8 | 9),
  k: ringField,
  settings: vocabulary(SETTINGS, 'setting').optional(),
  weapons: vocabulary(WEAPONS, 'weapon').optional(),
  nte: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  top: z.coerce.number().int().min(1).max(50).default(15),
  within: z.coerce.number().min(50).max(5000).default(300),
  /** A public summary: higher threshold for restricted counts, no sensitive settings, checked before release. */
  public: publicField,
});

/** Police data and ED data, each through the access policy on its own (police first: its refusal is the answer). */
const sources = selection(triangulationQuery, {
  // Selection inputs rather than queries (`each` is typed as the query): prepareSelection is given them as they are.
  each: (q) => triangulationSources(q) as unknown as (typeof q)[],
  label: (_, i) => (i === 0 ? 'police data' : 'ED data'),
});

/** The triangulation of the request's sources, or the refusal to answer it (audited like any restricted analysis). */
async function answer(c: Context<AppEnv>, q: z.output<typeof triangulationQuery>, action: string) {
  const { selections } = c.var;
  const problem = triangulationProblem(q, selections[0]!, selections[1]!);
  if (problem) return { ok: false as const, status: 400 as const, body: { error: problem } };
  const body = await triangulation(c.get('db'), selections, q, await restrictedPlaceAccess(c));
  // The last check of a public summary: every restricted count and every setting it would publish.
  const refusal = q.public
    ? publicRefusal({ res: q.res, restricted: body.restricted, ...triangulationPublished(body) })
    : null;
  if (refusal) return { ok: false as const, ...refusal };
  await auditRestrictedAnalysis(c, triangulationAudited(q, selections, body), action, {
    cells: body.cells.length,
    edExcess: body.cells.filter((cell) => cell.class === 'ed-excess').length,
  });
  return { ok: true as const, body };
}

/** The exported cells' columns (the CSV's header, the GeoPackage's fields), each with its type and the cell's field it holds. */
const CELL_COLUMNS = [
  ['h3', 'TEXT', 'h3'],
  ['lad_code', 'TEXT', 'lad'],
  ['lad_name', 'TEXT', 'ladName'],
  ['pfa_code', 'TEXT', 'pfa'],
  ['police_count', 'INTEGER', 'police'],
  ['ed_count', 'INTEGER', 'ed'],
  ['police_level', 'INTEGER', 'policeLevel'],
  ['ed_level', 'INTEGER', 'edLevel'],
  ['police_gi_class', 'INTEGER', 'policeClass'],
  ['ed_gi_class', 'INTEGER', 'edClass'],
  ['class', 'TEXT', 'class'],
  ['p', 'REAL', 'p'],
  ['q', 'REAL', 'q'],
] as const;
const CSV_HEADER = CELL_COLUMNS.map(([column]) => column);

/** The GeoPackage of the SNA pack: the cells with every statistic, the local authorities, and the settings around them. */
function triangulationGeoPackage(
  body: Triangulation,
  cells: readonly (Record<string, unknown> & { h3: string })[],
  { lads: inArea, settings: places }: Awaited<ReturnType<typeof triangulationSurroundings>>,
) {
  const suppressed = body.restricted
    ? ` Restricted data: a null count is fewer than ${body.threshold} (withheld); others are perturbed by at most 2.`
    : '';
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const ladStats = new Map(body.areas.map((a) => [a.lad, a]));
  return writeGeoPackage([
    {
      name: 'cells',
      geometryType: 'POLYGON',
      description: `H3 resolution ${body.res} cells of ${body.area}, ${body.from} to ${body.to}: police-recorded against ED records.${suppressed}`,
      fields: CELL_COLUMNS.map(([name, type]) => ({ name, type })),
      features: cells.map((x) => ({
        geometry: cellPolygon(x.h3),
        properties: Object.fromEntries(
          CELL_COLUMNS.map(([name, type, key]) => [name, type === 'TEXT' ? str(x[key]) : num(x[key])]),
        ),
      })),
    },
    {
      name: 'areas',
      geometryType: 'MULTIPOLYGON',
      description: `Local authorities of ${body.area} with their police and ED totals, ${body.from} to ${body.to}.${suppressed}`,
      fields: [
        { name: 'lad_code', type: 'TEXT' },
        { name: 'lad_name', type: 'TEXT' },
        { name: 'police_count', type: 'INTEGER' },
        { name: 'ed_count', type: 'INTEGER' },
        { name: 'class', type: 'TEXT' },
      ],
      features: inArea.map((f) => {
        const g = f.geometry as { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
        const stats = ladStats.get(f.properties.code)!;
        return {
          geometry: {
            type: 'MultiPolygon' as const,
            coordinates: g.type === 'Polygon' ? [g.coordinates as number[][][]] : (g.coordinates as number[][][][]),
          },
          properties: {
            lad_code: f.properties.code,
            lad_name: f.properties.name,
            police_count: stats.police,
            ed_count: stats.ed,
            class: stats.class,
          },
        };
      }),
    },
    {
      name: 'settings',
      geometryType: 'POINT',
      description:
        'Settings (schools, licensed premises, prisons, emergency departments, ...) around the area, from the layers you may see.',
      fields: [
        { name: 'type', type: 'TEXT' },
        { name: 'name', type: 'TEXT' },
      ],
      features: places.map((p) => ({
        geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
        properties: { type: p.type, name: p.name },
      })),
    },
  ]);
}

export const triangulationRoutes = new Hono<AppEnv>()
  .get('/triangulation', sources, async (c) => {
    const result = await answer(c, c.req.valid('query'), 'triangulation');
    return result.ok ? c.json(result.body) : c.json(result.body, result.status);
  })
  // The cells for the SNA pack: CSV with ONS codes (UTF-8 with BOM, for Excel), and GeoJSON for QGIS and ArcGIS.
  .get(
    '/triangulation/export/:format',
    sources,
    validate('param', z.object({ format: z.enum(['cells.csv', 'cells.geojson', 'pack.gpkg']) })),
    async (c) => {
      const { format } = c.req.valid('param');
      const q = c.req.valid('query');
      // The query is validated as a triangulation's (shared with /triangulation); the language is checked here.
      const language = exportLanguageQuery.safeParse({ lang: c.req.query('lang') });
      if (!language.success) return c.json({ error: 'invalid query: lang: must be en or cy' }, 400);
      const { lang } = language.data;
      const result = await answer(c, q, 'triangulation.export');
      if (!result.ok) return c.json(result.body, result.status);
      const { body } = result;
      const db = c.get('db');
      const cells = await triangulationExportCells(db, body);
      await audit(c, {
        action: 'export',
        target: `GET ${c.req.path}`,
        datasets: [...body.police.datasets, ...body.ed.datasets],
        selection: { ...q, area: body.area },
        summary: { format, cells: cells.length },
      });
      const name = `triangulation-${body.area?.replace(':', '-')}-${body.from}-${body.to}`;
      if (format === 'pack.gpkg') {
        const around = await triangulationSurroundings(db, body, await restrictedPlaceAccess(c));
        c.header('content-disposition', `attachment; filename="${name}.gpkg"`);
        const file = await triangulationGeoPackage(body, cells, around);
        return c.body(file as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/geopackage+sqlite3' });
      }
      if (format === 'cells.geojson') {
        const { from, to, area, restricted, threshold, method } = body;
        return cellsGeoJsonResponse(c, name, cells, { from, to, area, restricted, threshold, method, language: lang });
      }
      // The CSV says "none" where public data has no class, and leaves p and q empty where untested.
      const last = (x: (typeof cells)[number]) => [x.class ?? (body.restricted ? null : 'none'), x.p ?? '', x.q ?? ''];
      const rows = cells.map((x) => [...CELL_COLUMNS.slice(0, 10).map(([, , key]) => x[key]), ...last(x)]);
      return csvResponse(c, name, CSV_HEADER, rows, lang);
    },
  );
