import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from './db/index.js';
import { getState, setState } from './db/app-state.js';
import { adoptUnownedDataset, findDatasetByName } from './db/datasets.js';
import { findPartnershipByName } from './db/partnerships.js';
import { importDataset, type ImportProgress } from './ingest/import.js';
import { resolveMapping } from './ingest/mapping.js';
import { expandInputs } from './ingest/sources.js';
import { DATASET_SOURCES, defaultSource } from './domain/dataset-source.js';

const sampleDir = fileURLToPath(new URL('../geodata/sample/', import.meta.url));

const manifestSchema = z.object({
  datasets: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['police-uk', 'incidents']),
      source: z.enum(DATASET_SOURCES).optional(),
      paths: z.array(z.string()),
      mapping: z.string().optional(),
      sensitivity: z.enum(['public', 'restricted']).optional(),
      threshold: z.number().optional(),
      supplier: z.string().optional(),
      legalBasis: z.string().optional(),
      basis: z.enum(['public', 's16', 's17', 'dsa']).optional(),
      /** Seeded partnership (by name) that owns a restricted dataset. */
      ownerPartnership: z.string().optional(),
    }),
  ),
});

export type SampleEntry = z.infer<typeof manifestSchema>['datasets'][number];

export async function sampleManifest(): Promise<SampleEntry[]> {
  return manifestSchema.parse(JSON.parse(await readFile(sampleDir + 'manifest.json', 'utf8'))).datasets;
}

export interface SampleProgress extends ImportProgress {
  dataset: string;
  datasetIndex: number;
  datasetCount: number;
}

/** Loads the bundled real sample once per database; later starts find the marker and skip. */
export async function loadSampleOnce(
  db: Db,
  onProgress: (p: SampleProgress) => void,
  only?: (e: SampleEntry) => boolean,
): Promise<boolean> {
  if (await getState(db, 'sample_loaded')) return false;
  const entries = (await sampleManifest()).filter(only ?? (() => true));
  for (const [datasetIndex, entry] of entries.entries()) {
    const files = await expandInputs(entry.paths.map((p) => sampleDir + p));
    const ownerId = entry.ownerPartnership ? await findPartnershipByName(db, entry.ownerPartnership) : undefined;
    if (entry.ownerPartnership && ownerId === undefined)
      throw new Error(`sample manifest: no partnership "${entry.ownerPartnership}" (load the geography first)`);
    await importDataset(
      db,
      {
        ...entry,
        source: entry.source ?? defaultSource(entry.kind, entry.mapping),
        ownerScope: ownerId === undefined ? null : `partnership:${ownerId}`,
        mapping: entry.mapping ? resolveMapping(entry.mapping) : undefined,
        files,
      },
      (p) => onProgress({ ...p, dataset: entry.name, datasetIndex, datasetCount: entries.length }),
    );
  }
  await setState(db, 'sample_loaded', new Date().toISOString());
  return true;
}

/** The partnership that owns the sample's restricted data: the first admin joins it, so a new user sees everything. */
export async function sampleOwnerScope(db: Db): Promise<string | null> {
  const name = (await sampleManifest()).find((e) => e.ownerPartnership)?.ownerPartnership;
  const id = name ? await findPartnershipByName(db, name) : undefined;
  return id === undefined ? null : `partnership:${id}`;
}

/**
 * Databases made before datasets had owners hold the restricted sample with none (usable by no
 * one): give those datasets the owner and basis the manifest names. Returns how many were adopted.
 */
export async function adoptUnownedSample(db: Db): Promise<number> {
  let adopted = 0;
  for (const entry of await sampleManifest()) {
    if (!entry.ownerPartnership || !entry.basis || entry.basis === 'public') continue;
    const dataset = await findDatasetByName(db, entry.name);
    const owner = await findPartnershipByName(db, entry.ownerPartnership);
    if (
      dataset &&
      owner !== undefined &&
      (await adoptUnownedDataset(db, dataset.id, `partnership:${owner}`, entry.basis))
    )
      adopted++;
  }
  return adopted;
}
