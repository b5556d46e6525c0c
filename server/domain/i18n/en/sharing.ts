/** English messages: sharing. Keys are 'sharing.…'; the Welsh twin is ../cy/sharing.ts. */
export const sharing = {} as const;
