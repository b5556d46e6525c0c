import type { definitions as english } from '../en/definitions.js';

/** Welsh messages: definitions (every English key, checked by the type and by test/i18n). */
export const definitions: Record<keyof typeof english, string> = {
  'definitions.title': 'Diffiniadau',
  'definitions.intro':
    'Nid oes diffiniad statudol o drais difrifol: mae pob partneriaeth yn cytuno ar ei diffiniad ei hun ac yn ei gofnodi ar bob allbwn. Dechreuwch o ragosodiad cenedlaethol neu ddiffiniad sydd wedi’i gadw; mae cadw yn creu fersiwn newydd, ac mae fersiynau cynharach yn aros fel yr oeddent.',
  'definitions.choosePartnership': 'Dewiswch bartneriaeth i weld ei diffiniadau.',
  'definitions.savedAs': 'Wedi cadw “{name}” fel fersiwn {version}.',
  'definitions.history': 'Diffiniadau sydd wedi’u cadw a’u fersiynau',
  'definitions.noneSaved': 'Dim wedi’u cadw eto: dechreuwch o ragosodiad isod.',
  'definitions.col.definition': 'Diffiniad',
  'definitions.col.version': 'Fersiwn',
  'definitions.col.groups': 'Grwpiau troseddau (wedi’u hepgor)',
  'definitions.col.flags': 'Baneri',
  'definitions.col.saved': 'Wedi’i gadw',
  'definitions.col.actions': 'Camau',
  'definitions.leftOut': ' (nid {groups})',
  'definitions.noFlags': 'dim',
  'definitions.showOnMap': 'Dangos ar y map',
  'definitions.edit': 'Creu neu newid diffiniad',
  'definitions.startFrom': 'Dechrau o',
  'definitions.choose': 'Dewiswch…',
  'definitions.partnershipNext': 'Diffiniadau’r bartneriaeth (yn cadw’r fersiwn nesaf)',
  'definitions.partnership': 'Diffiniadau’r bartneriaeth',
  'definitions.nationalGuidance': 'Rhagosodiadau cenedlaethol (canllawiau’r Ddyletswydd Trais Difrifol, 2022)',
  'definitions.national': 'Rhagosodiadau cenedlaethol',
  'definitions.nameVersion': '{name}, fersiwn {version}',
  'definitions.latest': ' (diweddaraf)',
  'definitions.picker': 'Diffiniad o drais difrifol',
  'definitions.pickerNone': 'Dim: y grwpiau troseddau isod',
  'definitions.form': 'Diffiniad',
  'definitions.key': 'Allwedd',
  'definitions.name': 'Enw',
  'definitions.excluded': 'Wedi’u hepgor (hyd yn oed pan fydd grŵp a ddewiswyd yn eu cynnwys)',
  'definitions.flags':
    'Baneri y mae’n rhaid i bob digwyddiad eu cario (detholiadau lleol a data adrannau achosion brys yn unig)',
  'definitions.weights': 'Pwysiadau',
  'definitions.weightsUnavailable':
    'Nid yw’n bosibl pwysoli grwpiau yn ôl niwed eto: mae pob digwyddiad yn cyfrif unwaith.',
  'definitions.note': 'Nodyn (ffynonellau, beth newidiodd)',
  'definitions.saving': 'Wrthi’n cadw…',
  'definitions.saveVersion': 'Cadw fel fersiwn {version}',
} as const;
