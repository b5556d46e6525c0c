/** An import refused as a whole: nothing from it is stored. The message names the file and reason. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly report?: unknown,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** An uploaded file over the size limit (413), whether it was being saved or read as it arrived. */
export class UploadTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadTooLarge';
  }
}
