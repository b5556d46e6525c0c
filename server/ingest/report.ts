/** What an import did: shown to the uploader, stored with the dataset. */
export interface ImportReport {
  datasetId: number;
  datasetName: string;
  files: FileReport[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Stored rows replaced by this import (republished months, re-supplied record ids). */
  rowsReplaced: number;
  monthsReplaced: string[];
  acceptedByMonth: Record<string, number>;
  /** Every rejection counted by reason category. */
  rejectionCounts: Record<string, number>;
  /** The first MAX_LISTED rejections in full: the rule broken, and the reason with the value that broke it. */
  rejections: { file: string; line: number; rule: string; reason: string }[];
  rejectionsListed: number;
  /** Accepted rows lying outside the force that supplied them, by the force area they fall in. */
  outsideForce: { total: number; byForceArea: Record<string, number> };
}

export interface FileReport {
  name: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

export const MAX_LISTED_REJECTIONS = 1000;

export class ImportReportBuilder {
  private readonly files: FileReport[] = [];
  private readonly rejections: ImportReport['rejections'] = [];
  private readonly rejectionCounts: Record<string, number> = {};
  private readonly acceptedByMonth: Record<string, number> = {};
  private readonly monthsReplaced = new Set<string>();
  accepted = 0;
  private readonly outside: Record<string, number> = {};
  replaced = 0;

  constructor(
    private readonly datasetId: number,
    private readonly datasetName: string,
  ) {}

  startFile(name: string): FileReport {
    const file = { name, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0 };
    this.files.push(file);
    return file;
  }

  accept(file: FileReport, month: string): void {
    file.rowsAccepted++;
    this.accepted++;
    this.acceptedByMonth[month] = (this.acceptedByMonth[month] ?? 0) + 1;
  }

  reject(file: FileReport, line: number, category: string, reason: string = category): void {
    file.rowsRejected++;
    this.rejectionCounts[category] = (this.rejectionCounts[category] ?? 0) + 1;
    if (this.rejections.length < MAX_LISTED_REJECTIONS)
      this.rejections.push({ file: file.name, line, rule: category, reason });
  }

  outsideForce(pfaCode: string): void {
    this.outside[pfaCode] = (this.outside[pfaCode] ?? 0) + 1;
  }

  replaceMonth(month: string, rows: number): void {
    this.monthsReplaced.add(month);
    this.replaced += rows;
  }

  build(): ImportReport {
    const sum = (k: keyof FileReport) => this.files.reduce((a, f) => a + (f[k] as number), 0);
    return {
      datasetId: this.datasetId,
      datasetName: this.datasetName,
      files: this.files,
      rowsRead: sum('rowsRead'),
      rowsAccepted: sum('rowsAccepted'),
      rowsRejected: sum('rowsRejected'),
      rowsReplaced: this.replaced,
      monthsReplaced: [...this.monthsReplaced].sort(),
      acceptedByMonth: Object.fromEntries(Object.entries(this.acceptedByMonth).sort()),
      rejectionCounts: this.rejectionCounts,
      rejections: this.rejections,
      rejectionsListed: this.rejections.length,
      outsideForce: {
        total: Object.values(this.outside).reduce((a, b) => a + b, 0),
        byForceArea: Object.fromEntries(Object.entries(this.outside).sort()),
      },
    };
  }
}
