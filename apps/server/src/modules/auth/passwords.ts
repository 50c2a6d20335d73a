import { hash, verify, type Options } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). */
// 2 = Argon2id (the package exports it as an ambient const enum, which isolated modules cannot read).
const options: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal which e-mails have accounts. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-for-timing'));
