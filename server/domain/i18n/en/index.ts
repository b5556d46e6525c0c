/** The English catalogue: one object, assembled from a file per part of the app so that parts are edited apart. */
import { common } from './common.js';
import { nav } from './nav.js';
import { map } from './map.js';
import { filters } from './filters.js';
import { spacetime } from './spacetime.js';
import { timeprofile } from './timeprofile.js';
import { cell } from './cell.js';
import { datasets } from './datasets.js';
import { proximity } from './proximity.js';
import { definitions } from './definitions.js';
import { compare } from './compare.js';
import { panel } from './panel.js';
import { sna } from './sna.js';
import { admin } from './admin.js';
import { auth } from './auth.js';
import { sharing } from './sharing.js';
import { triangulation } from './triangulation.js';
import { exports } from './exports.js';

export const en = {
  ...common,
  ...nav,
  ...map,
  ...filters,
  ...spacetime,
  ...timeprofile,
  ...cell,
  ...datasets,
  ...proximity,
  ...definitions,
  ...compare,
  ...panel,
  ...sna,
  ...admin,
  ...auth,
  ...sharing,
  ...triangulation,
  ...exports,
} as const;

export type MessageKey = keyof typeof en;
