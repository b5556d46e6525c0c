/** English messages: admin. Keys are 'admin.…'; the Welsh twin is ../cy/admin.ts. */
export const admin = {
  'admin.title': 'administration',
  'admin.tab.users': 'Users',
  'admin.tab.audit': 'Audit log',
  'admin.tab.budgets': 'Query budgets',
  'admin.tab.baseMap': 'Base map',
  'admin.budget.hint':
    'Each user may make {budget} different queries of a restricted dataset a day (asking the same one again does not count); beyond that they are refused until {resetsAt}. Many slightly different queries are how small counts could be averaged out of perturbed ones, so a user near the budget is worth a look in the audit log.',
  'admin.budget.midnight': 'midnight UTC',
  'admin.budget.none': 'No restricted queries today ({day}).',
  'admin.budget.col.user': 'User',
  'admin.budget.col.dataset': 'Dataset',
  'admin.budget.col.today': 'Queries today',
  'admin.budget.col.share': 'Of the budget',
  'admin.budget.userId': 'user {id}',
  'admin.budget.spent': '(spent)',
  'admin.budget.near': '(near)',
} as const;
