/** English messages: admin. Keys are 'admin.…'; the Welsh twin is ../cy/admin.ts. */
export const admin = {} as const;
