import type { Db, Tx } from '../db/index.js';
import type { DatasetSource } from '../domain/dataset-source.js';
import {
  findDatasetByName,
  insertDataset,
  lockDataset,
  recordImport,
  type Basis,
  type DatasetKind,
  type Sensitivity,
} from '../db/datasets.js';
import {
  copyIncidentBytes,
  deleteByExternalIds,
  deleteMonth,
  incidentCsvLine,
  storedMonthForces,
} from '../db/incidents.js';
import { CopyBuffer } from './copy-buffer.js';
import { refreshCellCounts } from '../db/cell-counts.js';
import { refreshStatistics } from '../db/statistics.js';
import { pfaCodeForForce } from '../geo/force-names.js';
import { readCsv } from './csv-reader.js';
import { ImportError } from './errors.js';
import { incidentCsvParser } from './incident-csv.js';
import { Locator, type Placement } from './locate.js';
import type { ColumnMapping } from './mapping.js';
import { policeUkParser } from './police-uk.js';
import { ImportReportBuilder, type FileReport, type ImportReport } from './report.js';
import type { ParsedIncident, RowParser } from './row.js';
import type { SourceFile } from './sources.js';

export interface ImportRequest {
  kind: DatasetKind;
  /** Dataset name; importing into an existing name adds to (and replaces within) that dataset. */
  name: string;
  /** Who recorded the events; default police (data.police.uk is always police). */
  source?: DatasetSource;
  sensitivity?: Sensitivity;
  threshold?: number;
  supplier?: string | null;
  legalBasis?: string | null;
  /** Default: 'public' for public data, 'dsa' for restricted data. */
  basis?: Basis;
  /**
   * Who holds restricted data ('partnership:<id>' or 'pcc:<code>'; unowned restricted data is
   * usable by no one), or whose analysts manage public data (null: admins only).
   */
  ownerScope?: string | null;
  /** Required for kind 'incidents'. */
  mapping?: ColumnMapping;
  /** The files, or (an upload read as it arrives) the files as they come. */
  files: readonly SourceFile[] | AsyncIterable<SourceFile>;
}

export interface ImportProgress {
  file: string;
  fileIndex: number;
  /** How many files there are; null while they are still arriving. */
  fileCount: number | null;
  rowsRead: number;
  rowsAccepted: number;
}

const BATCH_ROWS = 10_000;
export const DEFAULT_RESTRICTED_THRESHOLD = 5;

/**
 * Streams the files into the dataset inside one transaction: either every file is stored or,
 * on any refusal, error or killed process, nothing is. Memory is bounded by one batch.
 */
export async function importDataset(
  db: Db,
  request: ImportRequest,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const settings = resolveSettings(request);
  const startedAt = new Date();
  const report = await db.transaction(async (tx) => {
    const existing = await findDatasetByName(tx, request.name);
    const parser = request.kind === 'police-uk' ? policeUkParser() : incidentCsvParser(request.mapping!);
    if (existing && existing.kind !== request.kind)
      throw new ImportError(`dataset "${request.name}" already exists with kind ${existing.kind}, not ${request.kind}`);
    if (existing && request.source && existing.source !== request.source)
      throw new ImportError(
        `dataset "${request.name}" holds ${existing.source} records, not ${request.source} records`,
      );
    if (existing && existing.datePrecision !== parser.datePrecision)
      throw new ImportError(
        `dataset "${request.name}" holds ${existing.datePrecision}-precision data; these files give ${parser.datePrecision}`,
      );
    // Incidents have no foreign key to their dataset (migration 008): hold its row so a delete waits for this import.
    if (existing && !(await lockDataset(tx, existing.id)))
      throw new ImportError(`dataset "${request.name}" was deleted while this import started; import again`);
    const datasetId =
      existing?.id ??
      (await insertDataset(tx, {
        ...settings,
        name: request.name,
        kind: request.kind,
        datePrecision: parser.datePrecision,
        mapping: request.mapping ?? null,
      }));

    const report = new ImportReportBuilder(datasetId, request.name);
    // Month replacement only has rows to replace where the dataset already holds that month and force.
    const stored = existing ? await storedMonthForces(tx, datasetId) : new Set<string>();
    const loader = new IncidentLoader(tx, datasetId, request.kind, report, stored);
    const fileCount = Array.isArray(request.files) ? request.files.length : null;
    const names: string[] = [];
    for await (const file of request.files) {
      const fileIndex = names.push(file.name) - 1;
      await loadFile(file, parser, loader, report, (rowsRead) =>
        onProgress?.({ file: file.name, fileIndex, fileCount, rowsRead, rowsAccepted: report.accepted }),
      );
    }
    if (names.length === 0) throw new ImportError('no files to import');
    await loader.flush();
    await refreshCellCounts(tx, datasetId, [...loader.touchedMonths]);
    if (report.accepted === 0) throw new ImportError(`no rows accepted from ${names.join(', ')}`, report.build());
    const built = report.build();
    await recordImport(tx, datasetId, startedAt, built, built.rowsRejected);
    return built;
  });
  await refreshStatistics(db, ['incidents', 'cell_counts']);
  return report;
}

function resolveSettings(request: ImportRequest) {
  if (Array.isArray(request.files) && request.files.length === 0) throw new ImportError('no files to import');
  if (request.kind === 'incidents' && !request.mapping)
    throw new ImportError('incident files need a column mapping (or a preset)');
  const sensitivity = request.sensitivity ?? (request.kind === 'police-uk' ? 'public' : 'restricted');
  const threshold = sensitivity === 'public' ? 0 : (request.threshold ?? DEFAULT_RESTRICTED_THRESHOLD);
  if (sensitivity === 'restricted' && (!Number.isInteger(threshold) || threshold < 2 || threshold > 100))
    throw new ImportError(`suppression threshold must be a whole number from 2 to 100 (got ${threshold})`);
  const policeUk = request.kind === 'police-uk';
  const source = request.source ?? 'police';
  if (policeUk && source !== 'police') throw new ImportError('data.police.uk files are police records (source police)');
  const basis = request.basis ?? (sensitivity === 'public' ? 'public' : 'dsa');
  if ((basis === 'public') !== (sensitivity === 'public'))
    throw new ImportError(
      sensitivity === 'public'
        ? `public data cannot have legal basis ${basis}`
        : 'restricted data needs a legal basis: s16, s17 or dsa',
    );
  const ownerScope = request.ownerScope ?? null;
  if (basis === 's17' && !ownerScope?.startsWith('pcc:'))
    throw new ImportError('s17 data is information given to a PCC: its owner must be a PCC (pcc:<force area code>)');
  return {
    source,
    sensitivity,
    basis,
    ownerScope,
    threshold,
    supplier: request.supplier ?? (policeUk ? 'data.police.uk' : null),
    legalBasis: request.legalBasis ?? (policeUk ? 'Open Government Licence v3.0 (public)' : null),
  };
}

async function loadFile(
  file: SourceFile,
  parser: RowParser,
  loader: IncidentLoader,
  report: ImportReportBuilder,
  progress: (rows: number) => void,
) {
  const records = readCsv(await file.open(), file.name);
  const first = await records.next();
  if (first.done) throw new ImportError(`${file.name}: the file is empty`);
  parser.checkHeader(first.value.values, file.name);
  const fileReport = report.startFile(file.name);
  for await (const { line, values } of records) {
    fileReport.rowsRead++;
    const result = parser.parse(values);
    if (!result.ok) report.reject(fileReport, line, result.category, result.reason);
    else {
      const waiting = loader.add(result.incident, fileReport, line);
      if (waiting) await waiting;
    }
    if (fileReport.rowsRead % BATCH_ROWS === 0) progress(fileReport.rowsRead);
  }
  if (fileReport.rowsRead === 0) throw new ImportError(`${file.name}: has a header but no rows`);
  progress(fileReport.rowsRead);
}

/**
 * Places parsed incidents, applies replacement rules and writes them in COPY batches. A batch's
 * COPY runs while the next batch is parsed (one in flight), and `add` only returns a promise
 * when it has to wait, so the common row costs no await.
 */
class IncidentLoader {
  /** Two buffers in turn: one being sent while the next fills. */
  private buffers = [new CopyBuffer(), new CopyBuffer()];
  private filling = 0;
  private ids: string[] = [];
  private inFlight: Promise<void> | null = null;
  private readonly locator = new Locator();
  /** police.uk (month, force) keys this import has loaded, with the file that brought them. */
  private readonly monthKeys = new Map<string, string>();
  private readonly seenIds = new Map<string, number>();
  /** Months (YYYY-MM) this import added to or deleted from: their pre-aggregated counts are rebuilt. */
  readonly touchedMonths = new Set<string>();

  constructor(
    private readonly tx: Tx,
    private readonly datasetId: number,
    private readonly kind: DatasetKind,
    private readonly report: ImportReportBuilder,
    /** `month|force` keys the dataset held before this import (see storedMonthForces). */
    private readonly storedMonthForces: ReadonlySet<string>,
  ) {}

  add(incident: ParsedIncident, file: FileReport, line: number): Promise<void> | undefined {
    const place = this.locator.place(incident.lng, incident.lat);
    if (!place) {
      this.report.reject(file, line, 'outside England and Wales');
      return undefined;
    }
    if (this.kind === 'police-uk') {
      const replacing = this.replaceMonthOnce(incident.month, incident.sourceForce, file.name);
      if (replacing) return replacing.then(() => this.store(incident, place, file));
    } else if (incident.externalId) {
      const firstLine = this.seenIds.get(incident.externalId);
      if (firstLine !== undefined) {
        this.report.reject(file, line, 'duplicate record', `duplicate record id (first seen on line ${firstLine})`);
        return undefined;
      }
      this.seenIds.set(incident.externalId, line);
    }
    return this.store(incident, place, file);
  }

  private store(incident: ParsedIncident, place: Placement, file: FileReport): Promise<void> | undefined {
    const supplierPfa = pfaCodeForForce(incident.sourceForce);
    const outsideForce = supplierPfa !== null && supplierPfa !== place.pfaCode;
    if (outsideForce) this.report.outsideForce(place.pfaCode);
    const buffer = this.buffers[this.filling]!;
    buffer.append(incidentCsvLine(this.datasetId, incident, place, outsideForce));
    if (this.kind === 'incidents' && incident.externalId !== null) this.ids.push(incident.externalId);
    this.report.accept(file, incident.month);
    this.touchedMonths.add(incident.month);
    return buffer.rows >= BATCH_ROWS ? this.flush(false) : undefined;
  }

  /** Sends the batch. Unless `last`, returns once the previous batch is stored and this one is on its way. */
  async flush(last = true): Promise<void> {
    await this.settle(); // the previous batch is stored: its buffer may be refilled
    const buffer = this.buffers[this.filling]!;
    if (buffer.rows > 0) {
      const ids = this.ids;
      this.filling = 1 - this.filling;
      this.buffers[this.filling]!.clear();
      this.ids = [];
      if (ids.length > 0) {
        const gone = await deleteByExternalIds(this.tx, this.datasetId, ids);
        this.report.replaced += gone.count;
        for (const month of gone.months) this.touchedMonths.add(month);
      }
      this.inFlight = copyIncidentBytes(this.tx, buffer.contents());
      this.inFlight.catch(() => undefined); // rethrown by settle(); not an unhandled rejection meanwhile
    }
    if (last) await this.settle();
  }

  private async settle(): Promise<void> {
    const inFlight = this.inFlight;
    this.inFlight = null;
    if (inFlight) await inFlight;
  }

  /** Returns a promise only when a stored month has to be deleted first. */
  private replaceMonthOnce(month: string, force: string | null, fileName: string): Promise<void> | undefined {
    const key = `${month}|${force ?? ''}`;
    const owner = this.monthKeys.get(key);
    if (owner === fileName) return undefined;
    if (owner !== undefined)
      throw new ImportError(
        `${fileName}: month ${month} for ${force ?? 'an unnamed force'} is also in ${owner}; import one copy of each month`,
      );
    this.monthKeys.set(key, fileName);
    // Nothing stored for this month and force: nothing to delete (and no scan of the month's
    // rows this import has already loaded, which made a national month's import quadratic).
    if (!this.storedMonthForces.has(key)) return undefined;
    // Rows of this key from this import are not yet stored (they are sent after this), so only older rows go.
    return this.settle()
      .then(() => deleteMonth(this.tx, this.datasetId, month, force))
      .then((replaced) => {
        if (replaced > 0) this.report.replaceMonth(month, replaced);
      });
  }
}
