/** English messages: filters. Keys are 'filters.…'; the Welsh twin is ../cy/filters.ts. */
export const filters = {} as const;
