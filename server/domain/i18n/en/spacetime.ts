/** English messages: spacetime. Keys are 'spacetime.…'; the Welsh twin is ../cy/spacetime.ts. */
export const spacetime = {} as const;
