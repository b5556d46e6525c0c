import { describe, expect, it } from 'vitest';
import { cy } from '../../server/domain/i18n/cy/index';
import { en } from '../../server/domain/i18n/en/index';
import { translate } from '../../server/domain/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const keys = Object.keys(en);

  it('has Welsh text for every English key, and no Welsh key English lacks', () => {
    const missing = keys.filter(
      (k) => typeof (cy as Record<string, unknown>)[k] !== 'string' || !(cy as Record<string, string>)[k]!.trim(),
    );
    const extra = Object.keys(cy).filter((k) => !(k in en));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('keeps each message’s placeholders in Welsh', () => {
    const differing = keys.filter(
      (k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(cy[k as keyof typeof cy]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('prefixes each key with its section', () => {
    expect(keys.filter((k) => !/^[a-z]+\.[A-Za-z0-9.]+$/.test(k))).toEqual([]);
  });

  it('fills placeholders, writing numbers the language’s way', () => {
    expect(translate('en', 'nav.map')).toBe('Map');
    expect(translate('cy', 'nav.signOut')).toBe('Allgofnodi');
  });
});
