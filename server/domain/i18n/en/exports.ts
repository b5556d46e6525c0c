/** English messages: exports. Keys are 'exports.…'; the Welsh twin is ../cy/exports.ts. */
export const exports = {} as const;
