import { z } from 'zod';
import { publicSummaryProblems, type PublicSummaryCandidate } from '../analysis/public-summary.js';

/** `public=true`: the answer is for publication (a published strategy or SNA chapter). */
export const publicField = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/**
 * The last check before a public answer leaves the server: a 422 naming every broken rule, or
 * null when it may be published. Routes call it on the answer exactly as they would send it.
 */
export function publicRefusal(candidate: PublicSummaryCandidate) {
  const problems = publicSummaryProblems(candidate);
  if (!problems.length) return null;
  return {
    status: 422 as const,
    body: { error: `refused: a public summary may not be published as asked: ${problems.join('; ')}`, problems },
  };
}
