/** English messages: common. Keys are 'common.…'; the Welsh twin is ../cy/common.ts. */
export const common = {} as const;
