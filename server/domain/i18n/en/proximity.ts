/** English messages: proximity. Keys are 'proximity.…'; the Welsh twin is ../cy/proximity.ts. */
export const proximity = {} as const;
