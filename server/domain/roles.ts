/** The four kinds of user and what the interface calls them. */
export const ROLES = ['admin', 'analyst', 'panel', 'pcc'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  panel: 'Panel member',
  pcc: 'PCC staff',
};
