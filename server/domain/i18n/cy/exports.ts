import type { exports as english } from '../en/exports.js';

/** Welsh messages: exports (every English key, checked by the type and by test/i18n). */
export const exports: Record<keyof typeof english, string> = {
  'exports.col.location': 'lleoliad',
  'exports.col.current': 'cyfredol',
  'exports.col.comparison': 'cymhariaeth',
  'exports.col.class': 'dosbarth',
  'exports.col.ladCode': 'cod_awdurdod_lleol',
  'exports.col.ladName': 'enw_awdurdod_lleol',
  'exports.col.pfaCode': 'cod_ardal_heddlu',
  'exports.col.policeCount': 'cyfrif_heddlu',
  'exports.col.edCount': 'cyfrif_adran_achosion_brys',
  'exports.col.policeLevel': 'lefel_heddlu',
  'exports.col.edLevel': 'lefel_adran_achosion_brys',
  'exports.col.policeGiClass': 'dosbarth_gi_heddlu',
  'exports.col.edGiClass': 'dosbarth_gi_adran_achosion_brys',
  'exports.col.at': 'amser',
  'exports.col.user': 'defnyddiwr',
  'exports.col.action': 'gweithred',
  'exports.col.outcome': 'canlyniad',
  'exports.col.target': 'targed',
  'exports.col.datasets': 'setiau_data',
  'exports.col.selection': 'detholiad',
  'exports.col.summary': 'crynodeb',
  'exports.suppressed': "wedi'i atal",
};
