import { FieldErrorCode, limits } from '@varde/contracts';
import { fieldErrors } from '../../core/app-error';

/**
 * The one rule for a password someone chooses (invitation accept for a new account, password change,
 * `cli create-admin`): 12–200 characters, not only whitespace, not on a list of common passwords.
 * Passwords are only checked when they are set, so an existing password stays valid until changed.
 *
 * The list is the "passwords-common" dictionary of `@zxcvbn-ts/language-common` (MIT; about 49,000
 * passwords from leaked password sets, bundled in the package: nothing is looked up over the network).
 * It is loaded on first use, so starting the server does not pay for it.
 */
let commonPasswords: Promise<Set<string>> | undefined;

function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => {
    // Shorter ones are refused for their length anyway.
    return new Set(dictionary['passwords-common'].map((w) => w.toLowerCase()).filter((w) => characters(w) >= limits.passwordMin));
  });
  return commonPasswords;
}

/** Length in Unicode code points, as the JSON schema's minLength/maxLength count it. */
const characters = (text: string) => [...text].length;

interface PasswordProblem {
  code: FieldErrorCode;
  limit?: number;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export async function checkNewPassword(password: string): Promise<PasswordProblem | undefined> {
  if (password.trim() === '') return { code: FieldErrorCode.blank };
  const length = characters(password);
  if (length < limits.passwordMin) return { code: FieldErrorCode.tooShort, limit: limits.passwordMin };
  if (length > limits.passwordMax) return { code: FieldErrorCode.tooLong, limit: limits.passwordMax };
  if ((await loadCommonPasswords()).has(password.trim().toLowerCase())) return { code: FieldErrorCode.commonPassword };
  return undefined;
}

/** Throws a field error on `path` (`password`, `newPassword`) when the new password is refused. */
export async function assertNewPassword(path: string, password: string): Promise<void> {
  const problem = await checkNewPassword(password);
  if (problem) throw fieldErrors({ path, ...problem });
}
