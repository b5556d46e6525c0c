/** English messages: datasets. Keys are 'datasets.…'; the Welsh twin is ../cy/datasets.ts. */
export const datasets = {} as const;
