import type { sna as english } from '../en/sna.js';

/** Welsh messages: sna (every English key, checked by the type and by test/i18n). */
export const sna: Record<keyof typeof english, string> = {
  'sna.back': 'Yn ôl',
  'sna.print': 'Argraffu neu gadw fel PDF',
  'sna.analystsVersion': 'Fersiwn y dadansoddwyr',
  'sna.publicVersion': "Fersiwn gyhoeddus (i'w chyhoeddi)",
  'sna.noSelection': "Nid yw'r ddolen hon yn enwi ardal, setiau data'r heddlu na chyfnod.",
  'sna.preparing': "Wrthi'n paratoi'r bennod…",
  'sna.chapterLabel': "Pennod lle'r asesiad o anghenion strategol",
  'sna.figure': 'Ffigur {n}.',
  'sna.heading.title': 'Trais difrifol: pennod lle',
  'sna.heading.definition': 'Diffiniad o drais difrifol',
  'sna.heading.sources': 'Ffynonellau data',
  'sna.heading.priorities': 'Lleoliadau blaenoriaeth',
  'sna.heading.trend': 'Tueddiadau',
  'sna.heading.triangulation': "Data'r heddlu a'r ysbyty",
  'sna.heading.disclosure': 'Rheoli datgelu',
  'sna.publicBanner':
    "Fersiwn gyhoeddus, i'w chyhoeddi: celloedd o tua 5 km² (cydraniad H3 7), cyfrifon o ddata cyfyngedig yn cael eu dangos o 10 ymlaen yn unig, a llochesi a chartrefi plant byth yn cael eu henwi. Gwiriodd y gweinydd bob ffigur yn erbyn y rheolau hyn cyn ei ryddhau.",
  'sna.intro':
    "{from} i {to}. Paratowyd {date} gyda hotspot. Mae'r bennod hon yn disgrifio lle mae trais difrifol wedi'i grynhoi yn ardal {area}, sut mae wedi newid, a sut mae cofnodion yr heddlu a'r ysbyty yn cymharu.",
  'sna.definitionVersion': '{name}, fersiwn {version}.',
  'sna.definitionGroups': 'Troseddau a gofnodwyd gan yr heddlu yn y grwpiau hyn: {groups}.',
  'sna.definitionHospital':
    "Mae data'r ysbyty yn cyfrif ymweliadau ag adrannau achosion brys yn dilyn ymosodiad (ISTV).",
  'sna.col.dataset': 'Set ddata',
  'sna.col.legalBasis': 'Sail gyfreithiol',
  'sna.col.monthsCovered': 'Misoedd a gwmpesir',
  'sna.col.monthsLow': 'Misoedd a nodwyd yn isel',
  'sna.restricted': '(cyfyngedig)',
  'sna.monthsOf': '{covered} o {asked}',
  'sna.monthRange': '({from} i {to})',
  'sna.lowMonthHint':
    "Caiff mis ei nodi pan fo'i gyfrif yn annhebygol o isel ar gyfer y set ddata yn yr ardal hon (o dan 60% o chwartel uchaf y misoedd eraill, wedi'i raddio yn ôl nifer ei ddyddiau, ac yng nghynffon 0.1% Poisson islaw hynny), er enghraifft heddlu a gyflenwodd lai o ddata na'r disgwyl y mis hwnnw; caiff cyfres o fisoedd byr eu nodi fis wrth fis.",
  'sna.mapLabel': 'Mannau poeth yn ardal {area}',
  'sna.mapCaption':
    'Mannau poeth ac oer Getis-Ord Gi* o drais difrifol a gofnodwyd gan yr heddlu yn ardal {area}, {from} i {to}, cydraniad H3 {res}: mae {hot} o gelloedd yn fannau poeth ar lefel hyder o 95% neu fwy ({classes}).',
  'sna.col.rank': '#',
  'sna.col.location': 'Lleoliad (cell H3)',
  'sna.col.incidents': 'Digwyddiadau',
  'sna.col.giClass': 'Dosbarth Gi*',
  'sna.col.settings500': 'Lleoliadau o fewn 500 m',
  'sna.prioritiesCaption':
    "Y {n} lleoliad blaenoriaeth: mannau poeth yn gyntaf, yna yn ôl cyfrif. {count} o ddigwyddiadau i gyd{rate}; mae'r 10% prysuraf o gelloedd yn cynnwys {share} ohonynt.",
  'sna.ratePerThousand': ', {rate} fesul 1,000 o breswylwyr',
  'sna.notCovered': 'heb ei gwmpasu',
  'sna.partialDays': '({covered} o {days} diwrnod)',
  'sna.trendCaption':
    'Trais difrifol a gofnodwyd gan yr heddlu fis wrth fis, y 12 mis hyd at {to} ({covered}): {trend}{seasonal}{year}.',
  'sna.trendCovered': "{n} o {total} mis wedi'u cwmpasu gan y data",
  'sna.trendMannKendall': '{direction} (Mann-Kendall, p {p})',
  'sna.trendSeasonal': '; Kendall tymhorol {direction} (p {p})',
  'sna.yearNotCovered':
    "; nid yw'r un mis flwyddyn yn gynharach wedi'i gwmpasu, felly ni roddir newid o flwyddyn i flwyddyn",
  'sna.yearUp': '; roedd {month} {percent}% yn uwch na blwyddyn yn gynharach',
  'sna.yearDown': '; roedd {month} {percent}% yn is na blwyddyn yn gynharach',
  'sna.triangulationIntro':
    "Nid yw llawer o drais byth yn cyrraedd yr heddlu. Dyma gymharu lle mae adrannau achosion brys yn gweld anafiadau o ymosodiadau â lle mae'r heddlu'n cofnodi trais, gan ystyried meintiau gwahanol y ddwy ffynhonnell:",
  'sna.classCells': '{label}: {n} o gelloedd.',
  'sna.col.police': 'Wedi’u cofnodi gan yr heddlu',
  'sna.col.ed': 'Ymosodiadau (adran achosion brys)',
  'sna.col.settings300': 'Lleoliadau o fewn 300 m',
  'sna.edExcessCaption':
    "Lleoedd lle mae cyfran sylweddol fwy o gofnodion yr ysbyty nag o gofnodion yr heddlu (prawf binomaidd union, cyfradd darganfod ffug 5%): trais sy'n debygol o fod heb ei adrodd.",
  'sna.disclosurePublic':
    "Dyma fersiwn gyhoeddus y bennod: mae ei chelloedd yn fwy bras a'i throthwyon yn uwch na fersiwn y dadansoddwyr, ac ni enwir unrhyw leoliad sensitif.",
  'sna.disclosureRestricted':
    'Mae’r bennod hon yn defnyddio data cyfyngedig. Ni ddangosir cyfrifon o 1 i {max} ("llai na {threshold}"); mae cyfrifon eraill o ddata cyfyngedig yn cynnwys tarfiad bach bwriadol (2 ar y mwyaf, dull allwedd cell SYG) fel na ellir adfer unrhyw rif bach drwy gymharu tablau; caiff pob cyfanswm, cyfradd, sgôr man poeth a thuedd eu cyfrifo o’r cyfrifon hynny a ryddhawyd yn unig, ac mae’r ardaloedd yn rhai sefydlog o 5,000 o breswylwyr o leiaf. Nid oes unrhyw gofnod na lleoliad unigol yn gadael system perchennog y data.',
  'sna.disclosureOpen': "Mae'r bennod hon yn defnyddio data cyhoeddedig (agored) yn unig; mae'r cyfrifon yn union.",
};
