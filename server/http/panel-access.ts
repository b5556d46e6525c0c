import type { Context } from 'hono';
import { isMember } from '../auth/access.js';
import { audit } from '../auth/audit.js';
import { datasetAccess } from '../auth/dataset-access.js';
import { getPanel, getReview, type Panel, type Review } from '../db/panels.js';
import type { AppEnv } from './env.js';

type Found<T> = { ok: true; value: T } | { ok: false; status: 403 | 404; error: string };

/**
 * The panel, if the user is a member of its partnership. Panels are their partnership's own: an
 * admin who is not a member reads one only with a stated reason (`override`), audited, and
 * never writes to it.
 */
export async function memberPanel(c: Context<AppEnv>, id: number, override?: string): Promise<Found<Panel>> {
  const panel = await getPanel(c.get('db'), id);
  if (!panel) return { ok: false, status: 404, error: `no panel ${id}` };
  const me = c.get('user')!;
  if (isMember(me, panel.partnershipId)) return { ok: true, value: panel };
  if (me.role === 'admin' && override) {
    await audit(c, {
      action: 'panel.override',
      target: `panel:${panel.id}`,
      summary: { reason: override, partnership: panel.partnershipId, route: `${c.req.method} ${c.req.path}` },
    });
    return { ok: true, value: panel };
  }
  const how =
    me.role === 'admin' ? ': as an admin you may read it with a stated reason (override), which is audited' : '';
  return {
    ok: false,
    status: 403,
    error: `only members of partnership ${panel.partnershipId} can see its panels${how}`,
  };
}

/** The review, if the user may see its panel and may still use every dataset it used. */
export async function memberReview(
  c: Context<AppEnv>,
  id: number,
  override?: string,
): Promise<Found<{ review: Review; panel: Panel }>> {
  const review = await getReview(c.get('db'), id);
  if (!review) return { ok: false, status: 404, error: `no review ${id}` };
  const panel = await memberPanel(c, review.panelId, override);
  if (!panel.ok) return panel;
  const access = await datasetAccess(c, review.selection.datasets, review.selection.area, { review: id });
  if (!access.ok) return { ok: false, status: 403, error: access.refusal.body.error };
  return { ok: true, value: { review, panel: panel.value } };
}
