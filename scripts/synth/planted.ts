/**
 * Planted "ED-only" clusters: residential streets with plenty of synthetic ED
 * assault attendances but little police-recorded violence (unreported
 * violence, the pattern ED/police triangulation is meant to reveal).
 *
 * Centres are real police.uk snap points (streets) chosen because few
 * police.uk violence points lie near them (counts over the generated months,
 * within 300 m: Tir-y-Cwm Lane 3, Glan Rhyd 3, Wood Crescent 2,
 * Maes Y Hedydd 0 (4 months only)).
 */
import type { ForceKey } from './police-violence.js';

export interface PlantedCluster {
  id: string;
  name: string;
  force: ForceKey;
  localAuthority: string;
  lat: number;
  lng: number;
  /** Planted ED points are uniform in a disc of this radius around the centre. */
  radiusM: number;
  /** Planted ED assaults per month: uniform integer in [min, max]. */
  perMonth: readonly [min: number, max: number];
}

export const PLANTED_RADIUS_M = 150;

export const PLANTED_CLUSTERS: readonly PlantedCluster[] = [
  {
    id: 'risca-tir-y-cwm-lane',
    name: 'Tir-y-Cwm Lane, Risca (Caerphilly)',
    force: 'gwent',
    localAuthority: 'Caerphilly',
    lat: 51.606395,
    lng: -3.105536,
    radiusM: PLANTED_RADIUS_M,
    perMonth: [8, 15],
  },
  {
    id: 'cwmbran-glan-rhyd',
    name: 'Glan Rhyd, Cwmbran (Torfaen)',
    force: 'gwent',
    localAuthority: 'Torfaen',
    lat: 51.637634,
    lng: -3.050431,
    radiusM: PLANTED_RADIUS_M,
    perMonth: [8, 15],
  },
  {
    id: 'rogerstone-wood-crescent',
    name: 'Wood Crescent, Rogerstone (Newport)',
    force: 'gwent',
    localAuthority: 'Newport',
    lat: 51.59803,
    lng: -3.053993,
    radiusM: PLANTED_RADIUS_M,
    perMonth: [8, 15],
  },
  {
    id: 'pontprennau-maes-y-hedydd',
    name: 'Maes Y Hedydd, Pontprennau (Cardiff outskirts)',
    force: 'south-wales',
    localAuthority: 'Cardiff',
    lat: 51.536483,
    lng: -3.146,
    radiusM: PLANTED_RADIUS_M,
    perMonth: [8, 15],
  },
];
