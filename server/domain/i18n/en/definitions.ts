/** English messages: definitions. Keys are 'definitions.…'; the Welsh twin is ../cy/definitions.ts. */
export const definitions = {} as const;
