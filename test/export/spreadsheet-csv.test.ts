import { describe, expect, it } from 'vitest';
import { spreadsheetCell, spreadsheetCsv } from '../../server/export/spreadsheet-csv.js';

describe('spreadsheet-safe CSV', () => {
  it('makes text that a spreadsheet would calculate into text, and leaves numbers and other text alone', () => {
    expect(spreadsheetCell('-2+3@x.test')).toBe("'-2+3@x.test");
    expect(spreadsheetCell('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(spreadsheetCell('+44 1633 000000')).toBe("'+44 1633 000000");
    expect(spreadsheetCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetCell('\tx')).toBe("'\tx");
    expect(spreadsheetCell('\rx')).toBe("'\rx");
    expect(spreadsheetCell(-2.5)).toBe(-2.5);
    expect(spreadsheetCell('Newport')).toBe('Newport');
    expect(spreadsheetCell('a-b')).toBe('a-b');
  });

  it('writes UTF-8 with a byte-order mark and CRLF, withheld counts as "suppressed"', () => {
    expect(
      spreadsheetCsv(
        ['h3', 'count', 'note'],
        [
          ['89195b', null, '=1+1'],
          ['89195c', -1, 'ok'],
        ],
      ),
    ).toBe("\uFEFFh3,count,note\r\n89195b,suppressed,'=1+1\r\n89195c,-1,ok\r\n");
  });
});
