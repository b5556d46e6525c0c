/**
 * The offline base map's names: what kinds there are, from which zoom each is drawn, and which
 * wins when two would overlap. Shared by the server (which sends only what a view can draw) and,
 * through the API's types, the client.
 */
export type BaseLabelKind = 'city' | 'town' | 'village' | 'lad' | 'sector' | 'lsoa' | 'school' | 'pub';

export interface BaseLabel {
  text: string;
  kind: BaseLabelKind;
  lon: number;
  lat: number;
  /** Higher is kept when labels collide. */
  rank: number;
}

/**
 * Zooms at which each kind is drawn (inclusive from, exclusive to). At 9 (a county) cities,
 * big towns and council names; at 12 a town's villages and postcode sectors; LSOA names from
 * 13.5 (a town centre); setting names from 14.5, where a street is a few hundred pixels long.
 */
export const LABEL_ZOOMS: Record<BaseLabelKind, { from: number; to: number }> = {
  city: { from: 5, to: 24 },
  town: { from: 8.5, to: 24 },
  village: { from: 11, to: 24 },
  lad: { from: 8, to: 12 },
  sector: { from: 12, to: 24 },
  lsoa: { from: 13.5, to: 24 },
  school: { from: 14.5, to: 24 },
  pub: { from: 15, to: 24 },
};

/** Towns smaller than this wait until zoom 10: at 8.5 every valley town would crowd the cities out. */
export const SMALL_TOWN_POPULATION = 20_000;
export const SMALL_TOWN_FROM_ZOOM = 10;

const KIND_RANK: Record<BaseLabelKind, number> = {
  city: 7,
  town: 6,
  lad: 5,
  village: 4,
  sector: 3,
  lsoa: 2,
  school: 1,
  pub: 0,
};

/**
 * Rank by kind first, then (towns) by population, so Newport outranks Caerleon: 0-799, the
 * range deck.gl's collision priority takes (-1000..1000). log10 of 9 million is under 7, so
 * 14 points a decade keep within a kind's 100.
 */
export function labelRank(kind: BaseLabelKind, population = 0): number {
  return KIND_RANK[kind] * 100 + Math.min(99, Math.round(Math.log10(population + 1) * 14));
}

/** Whether a label of this kind (and population, for towns) is drawn at this zoom. */
export function labelShownAt(kind: BaseLabelKind, zoom: number, population = 0): boolean {
  const { from, to } = LABEL_ZOOMS[kind];
  const start = kind === 'town' && population < SMALL_TOWN_POPULATION ? SMALL_TOWN_FROM_ZOOM : from;
  return zoom >= start && zoom < to;
}
