import type { Page } from '../selection/location';

/**
 * Pages a role cannot use, with why in words, as the server's policies decide them (admin routes
 * are admins' only; panel members cannot share data): the menu leaves them out, and opening one by
 * its address says so instead of showing something else.
 */
const NOT_FOR: Partial<Record<Page, { roles: readonly string[]; why: string }>> = {
  admin: {
    roles: ['analyst', 'panel', 'pcc'],
    why: 'The Admin page is for administrators: it manages users, data and the audit log.',
  },
  sharing: {
    roles: ['panel'],
    why: 'Data sharing is for analysts, PCC staff and administrators: panel members read panels and their reviews.',
  },
};

/** Why the role cannot use the page, or null when it can. */
export function pageRefusal(role: string, page: Page): string | null {
  const rule = NOT_FOR[page];
  return rule?.roles.includes(role) ? rule.why : null;
}
