import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { hotspots } from '../analysis/hotspots.js';
import { effectiveThreshold } from '../analysis/suppress.js';
import { bivariateLevels, triangulate, type TriangulationClass } from '../analysis/triangulation.js';
import { PUBLIC_SUMMARY_RULES, publicThreshold } from '../analysis/public-summary.js';
import {
  releasedAreaTotal,
  releasedByAttribute,
  releasedCells,
  releasedLadCounts,
  releasedNightSplit,
  type Release,
  type ReleasedCells,
} from '../release/gate.js';
import { standIn, statValue, statValues } from '../release/rules.js';
import { areaKey } from '../domain/area.js';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import { areaCoverPopulation, areaNames, boundaryFeatures, ladForces } from '../db/areas.js';
import { queryPlaces } from '../db/places.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { writeGeoPackage } from '../export/geopackage.js';
import { bboxOf } from '../geo/partnership-shape.js';
import { SETTINGS, WEAPONS } from '../domain/attributes.js';
import { areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import { nearbySettings } from '../services/nearby-settings.js';
import { publicField, publicRefusal, publicSummaryNote } from '../http/public-check.js';
import { cellPolygon, cellsGeoJsonResponse, csvResponse } from '../http/export-format.js';
import {
  auditRestrictedAnalysis,
  describeSelection,
  prepareSelection,
  type PreparedSelection,
} from '../http/prepare-selection.js';
import { groupList, idList, selectionFields, selectionSchema } from '../http/selection-params.js';
import { validate } from '../http/validate.js';

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
  k: z.enum(['1', '2', '3']).default('1').transform(Number),
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

/** Police-recorded violence, unless the request names groups. */
const POLICE_DEFAULT_GROUPS = ['violence-sexual'];
const CLASSES: Exclude<TriangulationClass, 'none'>[] = ['ed-excess', 'police-excess', 'both-hot'];
const HOT = 2;

/** Gi* classes of one source over the region, from its released counts. */
function sourceClasses(region: readonly string[], counts: ReadonlyMap<string, number>, k: number): number[] {
  return hotspots(region, counts, k).cells.map((c) => c.class);
}

type TriangulationQuery = z.infer<typeof triangulationQuery>;
type Refusal = { ok: false; status: 400 | 403 | 404 | 422; body: { error: string; problems?: string[] } };

/** The whole triangulation for a query, or the refusal to answer it (audited like any restricted analysis). */
async function computeTriangulation(c: Context<AppEnv>, q: TriangulationQuery, action: string) {
  const db = c.get('db');
  const refuse = (error: string): Refusal => ({ ok: false, status: 400, body: { error } });
  const common = {
    from: q.from,
    to: q.to,
    weekdays: q.weekdays,
    hours: q.hours,
    res: q.res,
    area: q.area,
    public: q.public,
  };
  const prepare = async (datasets: number[], groups: string[] | undefined, source: string) => {
    const prepared = await prepareSelection(c, { ...common, datasets, groups });
    return prepared.ok
      ? prepared
      : { ...prepared, body: { ...prepared.body, error: `${source}: ${prepared.body.error}` } };
  };
  const police = await prepare(q.police, q.policeGroups ?? POLICE_DEFAULT_GROUPS, 'police data');
  if (!police.ok) return police;
  const ed = await prepare(q.ed, q.edGroups, 'ED data');
  if (!ed.ok) return ed;
  // After the access checks, so a refusal is never hidden behind this one.
  const both = q.police.filter((id) => q.ed.includes(id));
  if (both.length)
    return refuse(`dataset ${both.join(', ')} is given as both police and ED data: name each dataset once`);
  const all = [...police.value.datasets, ...ed.value.datasets];
  if (q.nte) {
    const untimed = all.filter((d) => d.datePrecision !== 'datetime');
    if (untimed.length)
      return refuse(
        `the night-time economy filter needs times: ${untimed.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}`,
      );
  }
  // A public summary's thresholds are raised already (prepareSelection; PUBLIC_SUMMARY_RULES).
  const policeThreshold = police.value.threshold;
  const edThreshold = ed.value.threshold;
  const threshold = q.public ? publicThreshold(effectiveThreshold(all)) : effectiveThreshold(all);
  const policeQuery = { ...police.value.query, nightTimeEconomy: q.nte };
  const edQuery = { ...ed.value.query, settings: q.settings, weapons: q.weapons, nightTimeEconomy: q.nte };

  const policeRelease = { query: policeQuery, threshold: policeThreshold };
  const edRelease = { query: edQuery, threshold: edThreshold };
  const cover = await areaCoverPopulation(db, q.area, q.res);
  const region = cover.map((cell) => cell.h3);
  const [policeReleased, edReleased] = [await releasedCells(db, policeRelease), await releasedCells(db, edRelease)];
  const released = (m: ReleasedCells, h3: string) => (m.has(h3) ? m.get(h3)! : 0);
  // Every test and class below is made from the released counts (a withheld one as its stand-in).
  const [policeOf, edOf] = [statValues(policeReleased, policeThreshold), statValues(edReleased, edThreshold)];

  // Cell by cell: the share test, and each source's Gi*.
  const policeClass = sourceClasses(region, policeOf, q.k);
  const edClass = sourceClasses(region, edOf, q.k);
  const tri = triangulate(
    region.map((h3) => ({ id: h3, police: policeOf.get(h3) ?? 0, ed: edOf.get(h3) ?? 0 })),
    (i) => (policeClass[i] ?? 0) >= HOT && (edClass[i] ?? 0) >= HOT,
  );
  const policeLevels = bivariateLevels(
    region.map((h) => released(policeReleased, h)),
    policeThreshold,
  );
  const edLevels = bivariateLevels(
    region.map((h) => released(edReleased, h)),
    edThreshold,
  );
  const cells = region.map((h3, i) => ({
    h3,
    lad: cover[i]!.lad ?? null,
    police: released(policeReleased, h3),
    ed: released(edReleased, h3),
    policeClass: policeClass[i] ?? null,
    edClass: edClass[i] ?? null,
    policeLevel: policeLevels[i]!,
    edLevel: edLevels[i]!,
    class: tri.places[i]!.class as TriangulationClass | null,
    p: tri.places[i]!.p,
    q: tri.places[i]!.q,
  }));

  // Area by area (the local authorities of the area), the same test on their released totals.
  const [policeLads, edLads] = [
    await releasedLadCounts(db, policeRelease, q.area),
    await releasedLadCounts(db, edRelease, q.area),
  ];
  const lads = [...new Set([...policeLads.keys(), ...edLads.keys()])].sort();
  const ladTri = triangulate(
    lads.map((lad) => ({
      id: lad,
      police: statValue(policeLads.get(lad) ?? 0, policeThreshold),
      ed: statValue(edLads.get(lad) ?? 0, edThreshold),
    })),
  );
  const areas = lads.map((lad, i) => ({
    lad,
    police: policeLads.get(lad) ?? 0,
    ed: edLads.get(lad) ?? 0,
    class: ladTri.places[i]!.class as TriangulationClass | null,
    p: ladTri.places[i]!.p,
    q: ladTri.places[i]!.q,
  }));

  // The cells of each class, with the settings near them.
  const ranked = (cls: TriangulationClass) =>
    cells
      .filter((cell) => cell.class === cls)
      .sort(
        (a, b) =>
          (a.q ?? 0) - (b.q ?? 0) ||
          (b.ed ?? 0) + (b.police ?? 0) - ((a.ed ?? 0) + (a.police ?? 0)) ||
          a.h3.localeCompare(b.h3),
      )
      .slice(0, q.top);
  const classCells = Object.fromEntries(
    await Promise.all(
      CLASSES.map(async (cls) => {
        const top = ranked(cls);
        const nearest = await nearbySettings(
          c,
          top.map((cell) => cell.h3),
          q.within,
          { public: q.public },
        );
        return [
          cls,
          top.map((cell, i) => ({
            h3: cell.h3,
            lad: cell.lad,
            police: cell.police,
            ed: cell.ed,
            nearest: nearest[i]!,
          })),
        ] as const;
      }),
    ),
  );

  // The ED records by setting and weapon, and in the night-time economy against the rest.
  const timed = (p: PreparedSelection) => p.datasets.every((d) => d.datePrecision === 'datetime');
  const nightSplit = (r: Release, isTimed: boolean) => (!isTimed || q.nte ? null : releasedNightSplit(db, r));
  const breakdown = {
    edTotal: await releasedAreaTotal(db, edRelease, q.area),
    bySetting: await releasedByAttribute(db, edRelease, 'setting'),
    byWeapon: await releasedByAttribute(db, edRelease, 'weapon'),
    nightTimeEconomy: {
      ed: await nightSplit(edRelease, timed(ed.value)),
      police: await nightSplit(policeRelease, timed(police.value)),
    },
  };
  const { bySetting, byWeapon } = breakdown;

  if (q.public) {
    // The last check of a public summary: every restricted count and every setting it would publish.
    const restrictedCounts = [
      ...(policeThreshold !== null ? [...cells.map((x) => x.police), ...areas.map((a) => a.police)] : []),
      ...(edThreshold !== null
        ? [
            ...cells.map((x) => x.ed),
            ...areas.map((a) => a.ed),
            breakdown.edTotal,
            ...bySetting.map((r) => r.count),
            ...byWeapon.map((r) => r.count),
          ]
        : []),
    ];
    const refusal = publicRefusal({
      res: q.res,
      restricted: threshold !== null,
      counts: restrictedCounts,
      settings: Object.values(classCells)
        .flat()
        .flatMap((x) => x.nearest),
    });
    if (refusal) return { ok: false as const, ...refusal };
  }
  const audited = {
    ...ed.value,
    datasets: all,
    threshold,
    echo: { ...ed.value.echo, police: q.police, ed: q.ed, public: q.public },
  };
  await auditRestrictedAnalysis(c, audited, action, {
    cells: cells.length,
    edExcess: cells.filter((cell) => cell.class === 'ed-excess').length,
  });
  return {
    ok: true as const,
    value: {
      from: q.from,
      to: q.to,
      res: q.res,
      k: q.k,
      area: areaKey(q.area),
      police: describeSelection(police.value),
      ed: { ...describeSelection(ed.value), settings: q.settings ?? null, weapons: q.weapons ?? null },
      nightTimeEconomyOnly: q.nte,
      publicSummary: publicSummaryNote(q.public),
      restricted: threshold !== null,
      threshold,
      edShare: tri.edShare,
      method: {
        test: "given a cell's police and ED records together, its ED count is Binomial(n, π) if both sources spread alike, π the ED share of all records in the area; exact two-sided binomial test, Benjamini-Hochberg over the cells with any record",
        classes:
          'ed-excess: significantly more of the ED records than of the police records (likely unreported violence); police-excess: the other way; both-hot: no significant difference and a Gi* hot spot (95%+) in both sources',
        levels:
          'bivariate map levels per source: 0 none, 1 low, 2 high (at or above the 75th percentile of cells with any record)',
        nightTimeEconomy: 'Friday and Saturday nights, 22:00 to 04:00',
        disclosure:
          threshold === null
            ? 'public data only: exact values'
            : `counts released as everywhere (1..k-1 withheld, cell key perturbation, secondary suppression where totals are shown); every test, class, level, share and Gi* computed from the released counts alone, a withheld count counted as its stand-in (${standIn(threshold)})`,
      },
      cells,
      areas,
      classCells,
      breakdown,
    },
  };
}

/** The GeoPackage of the SNA pack: the cells with every statistic, the local authorities, and the settings around them. */
async function triangulationGeoPackage(
  c: Context<AppEnv>,
  body: Extract<Awaited<ReturnType<typeof computeTriangulation>>, { ok: true }>['value'],
  cells: readonly (Record<string, unknown> & { h3: string })[],
) {
  const db = c.get('db');
  const suppressed = body.restricted
    ? ` Restricted data: a null count is fewer than ${body.threshold} (withheld); others are perturbed by at most 2.`
    : '';
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const lads = await boundaryFeatures(db, 'lad');
  const ladStats = new Map(body.areas.map((a) => [a.lad, a]));
  const inArea = lads.features.filter((f) => ladStats.has(f.properties.code));
  const [w, s, e, n] = inArea.length ? bboxOf({ type: 'FeatureCollection', features: inArea }) : [0, 0, 0, 0];
  const found = inArea.length
    ? await queryPlaces(db, { bbox: [w, s, e, n], restrictedAccess: await restrictedPlaceAccess(c), limit: 50_000 })
    : [];
  const places = body.publicSummary ? found.filter((p) => !PUBLIC_SUMMARY_RULES.sensitiveTypes.has(p.type)) : found;
  return writeGeoPackage([
    {
      name: 'cells',
      geometryType: 'POLYGON',
      description: `H3 resolution ${body.res} cells of ${body.area}, ${body.from} to ${body.to}: police-recorded against ED records.${suppressed}`,
      fields: [
        { name: 'h3', type: 'TEXT' },
        { name: 'lad_code', type: 'TEXT' },
        { name: 'lad_name', type: 'TEXT' },
        { name: 'pfa_code', type: 'TEXT' },
        { name: 'police_count', type: 'INTEGER' },
        { name: 'ed_count', type: 'INTEGER' },
        { name: 'police_level', type: 'INTEGER' },
        { name: 'ed_level', type: 'INTEGER' },
        { name: 'police_gi_class', type: 'INTEGER' },
        { name: 'ed_gi_class', type: 'INTEGER' },
        { name: 'class', type: 'TEXT' },
        { name: 'p', type: 'REAL' },
        { name: 'q', type: 'REAL' },
      ],
      features: cells.map((x) => ({
        geometry: cellPolygon(x.h3),
        properties: {
          h3: x.h3,
          lad_code: str(x.lad),
          lad_name: str(x.ladName),
          pfa_code: str(x.pfa),
          police_count: num(x.police),
          ed_count: num(x.ed),
          police_level: num(x.policeLevel),
          ed_level: num(x.edLevel),
          police_gi_class: num(x.policeClass),
          ed_gi_class: num(x.edClass),
          class: str(x.class),
          p: num(x.p),
          q: num(x.q),
        },
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

const CSV_HEADER = [
  'h3',
  'lad_code',
  'lad_name',
  'pfa_code',
  'police_count',
  'ed_count',
  'police_level',
  'ed_level',
  'police_gi_class',
  'ed_gi_class',
  'class',
  'p',
  'q',
];

export const triangulationRoutes = new Hono<AppEnv>()
  .get('/triangulation', allow.signedIn({ datasets: true }), validate('query', triangulationQuery), async (c) => {
    const result = await computeTriangulation(c, c.req.valid('query'), 'triangulation');
    return result.ok ? c.json(result.value) : c.json(result.body, result.status);
  })
  // The cells for the SNA pack: CSV with ONS codes (UTF-8 with BOM, for Excel), and GeoJSON for QGIS and ArcGIS.
  .get(
    '/triangulation/export/:format',
    allow.signedIn({ datasets: true }),
    validate('param', z.object({ format: z.enum(['cells.csv', 'cells.geojson', 'pack.gpkg']) })),
    validate('query', triangulationQuery),
    async (c) => {
      const { format } = c.req.valid('param');
      const result = await computeTriangulation(c, c.req.valid('query'), 'triangulation.export');
      if (!result.ok) return c.json(result.body, result.status);
      const body = result.value;
      const names = await areaNames(c.get('db'), 'lad');
      const forceOf = await ladForces(c.get('db'));
      const cells = body.cells.map((cell) => ({
        ...cell,
        ladName: cell.lad ? (names.get(cell.lad) ?? null) : null,
        pfa: cell.lad ? (forceOf.get(cell.lad) ?? null) : null,
      }));
      await audit(c, {
        action: 'export',
        target: `GET ${c.req.path}`,
        datasets: [...body.police.datasets, ...body.ed.datasets],
        selection: { ...c.req.valid('query'), area: body.area },
        summary: { format, cells: cells.length },
      });
      const name = `triangulation-${body.area?.replace(':', '-')}-${body.from}-${body.to}`;
      if (format === 'pack.gpkg') {
        const file = await triangulationGeoPackage(c, body, cells);
        c.header('content-disposition', `attachment; filename="${name}.gpkg"`);
        return c.body(file as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/geopackage+sqlite3' });
      }
      if (format === 'cells.geojson')
        return cellsGeoJsonResponse(c, name, cells, {
          from: body.from,
          to: body.to,
          area: body.area,
          restricted: body.restricted,
          threshold: body.threshold,
          method: body.method,
        });
      return csvResponse(
        c,
        name,
        CSV_HEADER,
        cells.map((x) => [
          x.h3,
          x.lad,
          x.ladName,
          x.pfa,
          x.police,
          x.ed,
          x.policeLevel,
          x.edLevel,
          x.policeClass,
          x.edClass,
          x.class ?? (body.restricted ? null : 'none'),
          x.p ?? '',
          x.q ?? '',
        ]),
      );
    },
  );
