import { describe, expect, it } from 'vitest';
import { exportHeader, exportLanguageLabels, exportLanguageQuery } from '../../server/export/export-language.js';
import { spreadsheetCsv } from '../../server/export/spreadsheet-csv.js';

describe('export language', () => {
  const columns = ['h3', 'lad_code', 'police_count', 'ed_count', 'class', 'p', 'q'];

  it('keeps English headers as the columns are named, and writes Welsh ones, identifiers unchanged', () => {
    expect(exportHeader('en', columns)).toEqual(columns);
    expect(exportHeader('cy', columns)).toEqual([
      'h3',
      'cod_awdurdod_lleol',
      'cyfrif_heddlu',
      'cyfrif_adran_achosion_brys',
      'dosbarth',
      'p',
      'q',
    ]);
  });

  it('says a withheld count in the export language, and defaults to English', () => {
    const { suppressed } = exportLanguageLabels('cy');
    expect(spreadsheetCsv(['h3', 'n'], [['89195b', null]], suppressed)).toBe("\uFEFFh3,n\r\n89195b,wedi'i atal\r\n");
    expect(exportLanguageLabels('en')).toEqual({ contentLanguage: 'en-GB', suppressed: 'suppressed' });
    expect(exportLanguageQuery.parse({})).toEqual({ lang: 'en' });
    expect(exportLanguageQuery.safeParse({ lang: 'fr' }).success).toBe(false);
  });
});
