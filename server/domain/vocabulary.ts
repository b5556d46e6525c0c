import { WEAPONS, SETTINGS } from './attributes.js';
import { CHANGE_LABELS, GI_BIN_LABELS, type GiBin } from './classes.js';
import { DATASET_SOURCE_LABELS, DATASET_SOURCES } from './dataset-source.js';
import { FLAG_LABELS, FLAGS } from './flags.js';
import { OFFENCE_GROUPS } from './offence-groups.js';
import { PLACE_TYPE_LABELS, PLACE_TYPES } from './place-types.js';
import { ROLE_LABELS, ROLES } from './roles.js';

const GI_BINS: readonly GiBin[] = [3, 2, 1, 0, -1, -2, -3];

/** Every label the interface shows for a value the server defines: served, so the client never copies them. */
export function vocabulary() {
  return {
    groups: OFFENCE_GROUPS.map((g) => ({ id: g.id, label: g.label, violence: g.violence, parent: g.parent ?? null })),
    flags: FLAGS.map((id) => ({ id, label: FLAG_LABELS[id] })),
    weapons: [...WEAPONS],
    settings: [...SETTINGS],
    placeTypes: PLACE_TYPES.map((id) => ({ id, label: PLACE_TYPE_LABELS[id] })),
    roles: ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })),
    sources: DATASET_SOURCES.map((id) => ({ id, label: DATASET_SOURCE_LABELS[id] })),
    hotspotClasses: GI_BINS.map((value) => ({ value, label: GI_BIN_LABELS[value] })),
    changeClasses: Object.entries(CHANGE_LABELS).map(([id, label]) => ({ id, label })),
  };
}

export type Vocabulary = ReturnType<typeof vocabulary>;
