import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  datasetsSupplying,
  groupMisalignments,
  rootGroups,
  type RecordedContent,
} from '../../server/analysis/group-alignment.js';
import { expandGroups } from '../../server/domain/offence-groups.js';

const policeUk = (id: number, name: string): RecordedContent => ({
  id,
  name,
  groups: new Set(['violence-sexual', 'robbery', 'weapons', 'asb', 'theft']),
  flags: new Set(),
});
// A local extract: violence split into its child groups (plus a few rows only classifiable as the parent), flags filled in.
const extract: RecordedContent = {
  id: 3,
  name: 'Extract',
  groups: new Set([
    'homicide',
    'violence-with-injury',
    'violence-without-injury',
    'sexual-offences',
    'violence-sexual',
    'robbery',
    'weapons',
  ]),
  flags: new Set(['knife', 'domestic-abuse', 'alcohol']),
};
const ed: RecordedContent = {
  id: 4,
  name: 'ED',
  groups: new Set(['assault-injury-ed']),
  flags: new Set(['knife', 'alcohol']),
};

describe('offence group alignment across datasets', () => {
  it('knows the hierarchy: ancestors and the roots of a selection', () => {
    expect(ancestorsOf('homicide')).toEqual(['violence-sexual']);
    expect(ancestorsOf('robbery')).toEqual([]);
    expect(rootGroups(expandGroups(['violence-sexual', 'robbery']))).toEqual(['robbery', 'violence-sexual']);
    expect(rootGroups(['homicide', 'violence-with-injury'])).toEqual(['homicide', 'violence-with-injury']);
  });

  it("aligns two forces' police.uk data, and police.uk with finer data at the parent level", () => {
    expect(
      groupMisalignments(expandGroups(['violence-sexual']), [], [policeUk(1, 'Gwent'), policeUk(2, 'South Wales')]),
    ).toEqual([]);
    expect(
      groupMisalignments(expandGroups(['violence-sexual', 'robbery']), [], [policeUk(1, 'Gwent'), extract, ed]),
    ).toEqual([]);
  });

  it('refuses a finer group that one dataset records only inside its parent, and suggests the parent', () => {
    const problems = groupMisalignments(expandGroups(['homicide']), [], [policeUk(1, 'Gwent'), extract]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      group: 'homicide',
      datasets: [{ id: 1, name: 'Gwent' }],
      suggestion: 'violence-sexual',
    });
    expect(problems[0]!.reason).toBe(
      '"Gwent" records only "Violence and sexual offences" as a whole, while "Extract" records "Homicide" separately',
    );
    // The extract's few parent-level rows do not make it coarse: it still separates homicide.
    expect(groupMisalignments(['homicide'], [], [extract, { ...extract, id: 5, name: 'Extract 2' }])).toEqual([]);
  });

  it('refuses a flag that a dataset never fills in', () => {
    const problems = groupMisalignments(expandGroups(['violence-sexual']), ['knife'], [policeUk(1, 'Gwent'), extract]);
    expect(problems).toEqual([
      {
        group: 'flag:knife',
        label: 'knife flag',
        reason: '"Gwent" records no knife flag',
        datasets: [{ id: 1, name: 'Gwent' }],
        suggestion: null,
      },
    ]);
    expect(groupMisalignments(['assault-injury-ed'], ['knife'], [ed, extract])).toEqual([]);
  });

  it('refuses leaving a child out of a group that a dataset records whole, even for one dataset', () => {
    const withoutSexual = expandGroups(['violence-sexual']).filter((g) => g !== 'sexual-offences');
    const problems = groupMisalignments(withoutSexual, [], [policeUk(1, 'Gwent')]);
    expect(problems.map((p) => p.group)).toEqual(['violence-sexual']);
    expect(problems[0]!.reason).toContain('"Sexual offences" cannot be left out');
    // The extract separates the children, so it can leave one out.
    expect(groupMisalignments(withoutSexual, [], [extract])).toEqual([]);
  });

  it('finds the datasets that can supply a national metric in full', () => {
    const all = [policeUk(1, 'Gwent'), extract, ed];
    expect(datasetsSupplying(expandGroups(['assault-injury-ed']), ['knife'], all).map((d) => d.name)).toEqual(['ED']);
    const knifePolice = expandGroups([
      'violence-with-injury',
      'violence-without-injury',
      'homicide',
      'robbery',
      'sexual-offences',
      'weapons',
    ]);
    expect(datasetsSupplying(knifePolice, ['knife'], all).map((d) => d.name)).toEqual(['Extract']);
    expect(datasetsSupplying(['homicide'], [], all).map((d) => d.name)).toEqual(['Extract']);
  });
});
