import type { admin as english } from '../en/admin.js';

/** Welsh messages: admin (every English key, checked by the type and by test/i18n). */
export const admin: Record<keyof typeof english, string> = {
  'admin.title': 'gweinyddu',
  'admin.tab.users': 'Defnyddwyr',
  'admin.tab.audit': 'Log archwilio',
  'admin.tab.budgets': 'Cyllidebau ymholiadau',
  'admin.tab.baseMap': 'Map sylfaen',
  'admin.budget.hint':
    "Caiff pob defnyddiwr wneud {budget} o ymholiadau gwahanol i set ddata gyfyngedig bob dydd (nid yw gofyn yr un un eto yn cyfrif); y tu hwnt i hynny cânt eu gwrthod tan {resetsAt}. Drwy lawer o ymholiadau ychydig yn wahanol y gellid cyfartalu cyfrifon bach allan o rai wedi'u tarfu, felly mae'n werth edrych yn y log archwilio ar ddefnyddiwr sy'n agos at y gyllideb.",
  'admin.budget.midnight': 'hanner nos UTC',
  'admin.budget.none': 'Dim ymholiadau cyfyngedig heddiw ({day}).',
  'admin.budget.col.user': 'Defnyddiwr',
  'admin.budget.col.dataset': 'Set ddata',
  'admin.budget.col.today': 'Ymholiadau heddiw',
  'admin.budget.col.share': "O'r gyllideb",
  'admin.budget.userId': 'defnyddiwr {id}',
  'admin.budget.spent': '(wedi’i gwario)',
  'admin.budget.near': '(yn agos)',
};
