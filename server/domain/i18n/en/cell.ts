/** English messages: cell. Keys are 'cell.…'; the Welsh twin is ../cy/cell.ts. */
export const cell = {} as const;
