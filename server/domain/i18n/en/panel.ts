/** English messages: panel. Keys are 'panel.…'; the Welsh twin is ../cy/panel.ts. */
export const panel = {} as const;
