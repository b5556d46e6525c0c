/** English messages: map. Keys are 'map.…'; the Welsh twin is ../cy/map.ts. */
export const map = {} as const;
