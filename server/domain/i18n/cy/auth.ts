import type { auth as english } from '../en/auth.js';

/** Welsh messages: auth (every English key, checked by the type and by test/i18n). */
export const auth: Record<keyof typeof english, string> = {
  'auth.signIn.intro':
    'Mannau poeth trais ar gyfer partneriaethau’r Ddyletswydd Trais Difrifol. Mewngofnodwch i barhau.',
  'auth.email': 'E-bost',
  'auth.password': 'Cyfrinair',
  'auth.signIn.busy': 'Wrthi’n mewngofnodi…',
  'auth.signIn.button': 'Mewngofnodi',
  'auth.signIn.help': 'Dim cyfrif neu wedi anghofio’ch cyfrinair? Gofynnwch i weinyddwr hotspot am ddolen fewngofnodi.',
  'auth.password.current': 'Cyfrinair presennol',
  'auth.password.new': 'Cyfrinair newydd',
  'auth.password.repeat': 'Ailadroddwch y cyfrinair newydd',
  'auth.password.differ': 'Mae’r ddau gyfrinair yn wahanol.',
  'auth.password.formLabel': 'Dewiswch gyfrinair',
  'auth.password.change': 'Newid eich cyfrinair',
  'auth.password.finishSetup': 'Dewiswch gyfrinair i orffen sefydlu eich cyfrif',
  'auth.password.hint': 'O leiaf 12 nod; mae ychydig o eiriau digyswllt yn gwneud un da.',
  'auth.password.save': 'Cadw’r cyfrinair',
  'auth.notAvailable.title': 'tudalen ddim ar gael',
  'auth.notAvailable.ask':
    'Gofynnwch i weinyddwr os oes arnoch ei hangen; mae’r ddewislen uchod yn rhestru’r tudalennau y gallwch eu defnyddio.',
};
