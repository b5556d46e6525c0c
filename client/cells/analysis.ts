import { api, okJson } from '../api';
import type { Period } from '../period/months';
import type { Resolution } from './resolutions';

/** Gi*'s neighbourhood: automatic (every cell at least 8 neighbours) or a ring of 1 to 5 cells. */
export type Ring = 'auto' | '1' | '2' | '3' | '4' | '5';
/** How Gi*'s p-values are found. */
export type Inference = 'normal' | 'permutation';
/** Which significance the sfhotspot classes use. */
export type SfhotspotRule = 'sfhotspot' | 'fdr-over-cells';

/** A map selection, as the analysis routes take it. */
export interface CellsQuery {
  datasetIds: readonly number[];
  groupIds: readonly string[];
  /** A saved definition or preset, sent instead of the groups. */
  definition?: string;
  flags?: readonly string[];
  /** ISO weekdays (1 = Monday) and hour ranges ("22-4"): only incidents in that window. */
  weekdays?: readonly number[];
  hours?: string;
  period: Period;
  res: Resolution;
  /** `partnership:12`, `lad:W06000022` or `pfa:W15000002`: only cells of that area's cover. */
  area?: string;
}

export type AreaQuery = CellsQuery & { area: string };

/**
 * A selection's query (the groups as the server takes them), or null while it names no dataset,
 * no offence group (nor a definition), or no valid period.
 */
export function selectionQuery<R extends number>(parts: {
  datasetIds: readonly number[] | null;
  groupIds: readonly string[];
  definition?: string;
  flags?: readonly string[];
  weekdays?: readonly number[];
  hours?: string;
  period: Period | null;
  res: R;
}): (Omit<CellsQuery, 'res'> & { res: R }) | null {
  const { datasetIds, groupIds, definition, flags, weekdays, hours, period, res } = parts;
  if (!datasetIds?.length || !(groupIds.length || definition) || !period || period.from > period.to) return null;
  return {
    datasetIds,
    groupIds,
    ...(definition ? { definition } : {}),
    ...(flags?.length ? { flags } : {}),
    ...(weekdays?.length ? { weekdays } : {}),
    ...(hours ? { hours } : {}),
    period,
    res,
  };
}

/** A map selection as the analysis routes' query parameters. */
export function selectionParams(query: CellsQuery) {
  return {
    datasets: query.datasetIds.join(','),
    ...(query.definition ? { definition: query.definition } : { groups: query.groupIds.join(',') }),
    ...(query.flags?.length ? { flags: query.flags.join(',') } : {}),
    ...(query.weekdays?.length ? { weekdays: query.weekdays.join(',') } : {}),
    ...(query.hours ? { hours: query.hours } : {}),
    from: query.period.from,
    to: query.period.to,
    res: `${query.res}` as const,
    ...(query.area ? { area: query.area } : {}),
  };
}

const init = (signal: AbortSignal) => ({ init: { signal } });

/** Incidents per hexagon. */
export const fetchCells = (query: CellsQuery, signal: AbortSignal) =>
  okJson(api.api.cells.$get({ query: selectionParams(query) }, init(signal)));

/** Gi* hot and cold spots over an area's cells, with the neighbourhood and p-values chosen. */
export const fetchHotspots = (
  { k, inference, ...query }: AreaQuery & { k?: Ring; inference?: Inference },
  signal: AbortSignal,
) =>
  okJson(
    api.api.hotspots.$get(
      {
        query: {
          ...selectionParams(query),
          area: query.area,
          ...(k ? { k } : {}),
          ...(inference ? { inference } : {}),
        },
      },
      init(signal),
    ),
  );

/** Kernel density over an area (bandwidth null = the server's rule). */
export const fetchDensity = ({ bandwidth, ...query }: AreaQuery & { bandwidth: number | null }, signal: AbortSignal) =>
  okJson(
    api.api.density.$get(
      {
        query: { ...selectionParams(query), area: query.area, ...(bandwidth ? { bandwidth: String(bandwidth) } : {}) },
      },
      init(signal),
    ),
  );

/** The area's summary with its ten priority cells (summaries stop at resolution 9). */
export const fetchPriorities = (query: AreaQuery, signal: AbortSignal) =>
  okJson(
    api.api.areas[':area'].summary.$get(
      {
        param: { area: query.area },
        query: {
          ...selectionParams(query),
          res: `${Math.min(query.res, 9)}` as '7' | '8' | '9',
          top: '10',
          within: '500',
        },
      },
      init(signal),
    ),
  );

/** Each cell's sfhotspot class and EHSA pattern over the map's months (4 to 24 monthly periods). */
export const fetchSpaceTime = (
  {
    series,
    k,
    rule,
    timeStep,
    ...query
  }: AreaQuery & { series: { asOf: string; periods: number }; k: Ring; rule: SfhotspotRule; timeStep: '0' | '1' },
  signal: AbortSignal,
) => {
  const { from: _from, to: _to, ...params } = selectionParams(query);
  return okJson(
    api.api['space-time'].$get(
      {
        query: {
          ...params,
          area: query.area,
          period: 'month',
          asOf: series.asOf,
          periods: String(series.periods),
          k,
          rule,
          timeStep,
        },
      },
      init(signal),
    ),
  );
};
