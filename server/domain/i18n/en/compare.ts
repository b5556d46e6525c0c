/** English messages: compare. Keys are 'compare.…'; the Welsh twin is ../cy/compare.ts. */
export const compare = {} as const;
