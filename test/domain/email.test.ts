import { describe, expect, it } from 'vitest';
import { emailAddress, isEmailAddress, normaliseEmail } from '../../server/domain/email.js';

describe('email addresses', () => {
  it("accepts the first admin's single-label address and ordinary ones, in lower case without spaces around", () => {
    for (const ok of [
      'admin@localhost',
      'analyst@council.gov.uk',
      'pcc.analyst+svd@gwent.pcc.police.uk',
      '-2+3@x.test',
    ])
      expect(emailAddress.parse(ok), ok).toBe(ok);
    expect(emailAddress.parse('  Admin@LocalHost ')).toBe('admin@localhost');
    expect(normaliseEmail(' A@B ')).toBe('a@b');
  });

  it('refuses what is not one address', () => {
    for (const bad of ['', 'admin', '@localhost', 'admin@', 'a b@c', 'a@b c', 'a@b@c', `${'x'.repeat(320)}@y`]) {
      expect(emailAddress.safeParse(bad).success, bad).toBe(false);
      expect(isEmailAddress(bad), bad).toBe(false);
    }
  });
});
