import { describe, expect, it } from 'vitest';
import { forceKey, pfaCodeForForce } from '../../server/geo/force-names.js';

describe('force names', () => {
  it('reads a force as police.uk and local extracts name it', () => {
    expect(pfaCodeForForce('Gwent Police')).toBe('W15000002');
    expect(pfaCodeForForce('South Wales Police')).toBe('W15000003');
    expect(pfaCodeForForce('Avon and Somerset Constabulary')).toBe('E23000036');
    expect(pfaCodeForForce('Devon & Cornwall Police')).toBe(pfaCodeForForce('Devon and Cornwall Police'));
    expect(pfaCodeForForce('City of London Police')).toBe(pfaCodeForForce('London, City of'));
    expect(pfaCodeForForce('Metropolitan Police Service')).not.toBe(pfaCodeForForce('City of London Police'));
    expect(forceKey('Devon & Cornwall Police')).toBe('devon and cornwall');
  });

  it('gives the same answer for a name however often it is asked, and null for no force', () => {
    // An import asks once a row: the answer is remembered by the name as written.
    for (let i = 0; i < 3; i++) {
      expect(pfaCodeForForce('gwent police')).toBe('W15000002');
      expect(pfaCodeForForce('Not A Force Constabulary')).toBeNull();
    }
    expect(pfaCodeForForce('')).toBeNull();
    expect(pfaCodeForForce(null)).toBeNull();
    // More names than are remembered: older ones are asked afresh, with the same answers.
    for (let i = 0; i < 2_500; i++) expect(pfaCodeForForce(`Force ${i}`)).toBeNull();
    expect(pfaCodeForForce('Gwent Police')).toBe('W15000002');
  });
});
