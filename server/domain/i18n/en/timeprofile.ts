/** English messages: timeprofile. Keys are 'timeprofile.…'; the Welsh twin is ../cy/timeprofile.ts. */
export const timeprofile = {} as const;
