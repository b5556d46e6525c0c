/** English messages: triangulation. Keys are 'triangulation.…'; the Welsh twin is ../cy/triangulation.ts. */
export const triangulation = {} as const;
