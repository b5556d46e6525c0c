/** English messages: sna. Keys are 'sna.…'; the Welsh twin is ../cy/sna.ts. */
export const sna = {} as const;
