/** English messages: common. Keys are 'common.…'; the Welsh twin is ../cy/common.ts. */
export const common = {
  /** A number written the language's way. */
  'common.number': '{n}',
  'common.loading': 'Loading…',
  'common.dismissError': 'Dismiss error',
  'common.periodRange': '{from} to {to}',
  'common.restricted': 'restricted',
  'common.sources': 'Sources: {sources}.',
} as const;
