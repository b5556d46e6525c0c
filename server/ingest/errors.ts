/** An import refused as a whole: nothing from it is stored. The message names the file and reason. */
export class ImportError extends Error {
  constructor(message: string, readonly report?: unknown) {
    super(message);
    this.name = 'ImportError';
  }
}
