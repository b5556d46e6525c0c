/** English messages: auth. Keys are 'auth.…'; the Welsh twin is ../cy/auth.ts. */
export const auth = {} as const;
