/** Where to go after signing in: see `@varde/contracts/sign-in` (the server's form route uses the same rule). */
export { AFTER_SIGN_IN, safeNextPath } from '@varde/contracts/sign-in';
