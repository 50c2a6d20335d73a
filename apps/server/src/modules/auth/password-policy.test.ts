import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/app-error';
import { assertNewPassword, checkNewPassword } from './password-policy';

describe('checkNewPassword', () => {
  it('accepts a long uncommon password, and 12 to 200 characters counted as the schema counts them', async () => {
    expect(await checkNewPassword('correct-horse-battery-staple')).toBeUndefined();
    expect(await checkNewPassword('z'.repeat(200))).toBeUndefined();
    // Twelve emoji are twelve characters, though JavaScript counts 24 code units.
    expect(await checkNewPassword('🙂'.repeat(12))).toBeUndefined();
    // Spaces inside a passphrase are fine.
    expect(await checkNewPassword('  fjell og fjord  ')).toBeUndefined();
  });

  it('refuses one that is too short or too long, with the limit', async () => {
    expect(await checkNewPassword('abcdefghijk')).toEqual({ code: 'too_short', limit: 12 });
    expect(await checkNewPassword('🙂'.repeat(11))).toEqual({ code: 'too_short', limit: 12 });
    expect(await checkNewPassword('z'.repeat(201))).toEqual({ code: 'too_long', limit: 200 });
  });

  it('refuses one that is only whitespace', async () => {
    expect(await checkNewPassword(' '.repeat(12))).toEqual({ code: 'blank' });
    expect(await checkNewPassword('\t \n\u00a0'.repeat(4))).toEqual({ code: 'blank' });
    expect(await checkNewPassword('')).toEqual({ code: 'blank' });
  });

  it('refuses a common password whatever its case or surrounding spaces', async () => {
    for (const common of ['qwerty123456', 'QWERTY123456', '1qaz2wsx3edc', 'administrator', ' 123456654321 ']) {
      expect(await checkNewPassword(common), common).toEqual({ code: 'common_password' });
    }
  });

  it('throws a field error on the given path', async () => {
    const error = await assertNewPassword('newPassword', 'qwerty123456').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation', fields: [{ path: 'newPassword', code: 'common_password' }] });
    await expect(assertNewPassword('newPassword', 'correct-horse-battery-staple')).resolves.toBeUndefined();
  });
});
