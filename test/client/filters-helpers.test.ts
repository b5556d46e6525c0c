import { describe, expect, it } from 'vitest';
import { filterAvailability } from '../../client/filters/availability';
import { describeFilters, hoursText } from '../../client/filters/describeFilters';
import { decodeSelection, encodeSelection, SHARED_KEYS } from '../../client/selection/selection';
import { translator } from '../../server/domain/i18n/translate';

const en = translator('en');
const cy = translator('cy');

describe('describeFilters', () => {
  it('names weekday runs, hour windows past midnight and flags', () => {
    expect(describeFilters({ weekdays: [6, 5], hours: '22-4', flags: ['knife'] }, en)).toBe(
      'Fri–Sat 22:00–04:00; knife',
    );
    expect(describeFilters({ weekdays: [1, 3, 4, 5] }, en)).toBe('Mon, Wed–Fri');
    expect(describeFilters({ hours: '15-17,22-4', flags: ['domestic-abuse', 'alcohol'] }, en)).toBe(
      '15:00–17:00, 22:00–04:00; domestic abuse; alcohol',
    );
    expect(describeFilters({ weekdays: [5, 6], flags: ['knife'] }, cy)).toBe('Gwe–Sad; cyllell');
  });

  it('is null when nothing is filtered', () => {
    expect(describeFilters({}, en)).toBeNull();
    expect(describeFilters({ weekdays: [], flags: [] }, en)).toBeNull();
  });

  it('writes midnight as 00:00', () => {
    expect(hoursText('20-24')).toBe('20:00–00:00');
  });
});

describe('filterAvailability', () => {
  const policeUk = { name: 'Gwent Police', kind: 'police-uk' as const, datePrecision: 'month' as const };
  const local = { name: 'Local extract', kind: 'incidents' as const, datePrecision: 'datetime' as const };
  const dated = { name: 'Dated extract', kind: 'incidents' as const, datePrecision: 'day' as const };

  it('allows every filter on data with times and flags', () => {
    expect(filterAvailability([local], en)).toEqual({ weekdays: null, hours: null, flags: null });
  });

  it('gives the server’s precision reason and names data without flags', () => {
    const why = filterAvailability([policeUk, local], en);
    expect(why.weekdays).toContain('"Gwent Police" has month precision: it cannot be filtered by weekdays');
    expect(why.hours).toContain('cannot be filtered by hours');
    expect(why.flags).toContain('"Gwent Police" records no knife');
  });

  it('lets day-precision data be filtered by weekday but not by hour', () => {
    const why = filterAvailability([dated], en);
    expect(why.weekdays).toBeNull();
    expect(why.hours).toContain('"Dated extract" has day precision');
  });
});

describe('the filters in the URL', () => {
  it('round-trips weekdays and hours and carries them between pages', () => {
    const params = encodeSelection({ weekdays: [5, 6], hours: '22-4,15-17', flags: ['knife'] });
    expect(params.toString()).toBe('flags=knife&weekdays=5%2C6&hours=22-4%2C15-17');
    expect(decodeSelection(params)).toEqual({ weekdays: [5, 6], hours: '22-4,15-17', flags: ['knife'] });
    expect(SHARED_KEYS).toEqual(expect.arrayContaining(['weekdays', 'hours', 'flags']));
  });

  it('drops values the API would refuse', () => {
    expect(decodeSelection(new URLSearchParams('weekdays=0,8&hours=25-3'))).toEqual({});
  });
});
