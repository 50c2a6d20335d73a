/**
 * Error codes the API returns in `error.code`. Each says when it is thrown, so the web app and API
 * clients can react to a code rather than to a message text.
 */
export const ErrorCode = {
  /** Input failed schema or rule validation; `error.fields` lists each field with its problem. */
  validation: 'validation',
  /** No valid session, or the session expired. */
  unauthenticated: 'unauthenticated',
  /** Signed in, but the route's permission does not cover this user for this resource. */
  forbidden: 'forbidden',
  /** A cookie-authenticated write came without the session's CSRF token, or from another origin. */
  csrf: 'csrf',
  /** The resource does not exist (or is not visible to the caller). */
  notFound: 'not_found',
  /** A unique value (e.g. an e-mail) is already in use. */
  conflict: 'conflict',
  /** E-mail and password do not match an active account. */
  invalidCredentials: 'invalid_credentials',
  /** The invitation token is unknown, used or expired. */
  invitationInvalid: 'invitation_invalid',
  /** A password reset or first-run setup link that is unknown, used or expired (410). */
  linkInvalid: 'link_invalid',
  /** Too many attempts in a short time (login). */
  rateLimited: 'rate_limited',
  /** The request could not be read as HTTP (malformed, or too slow to arrive). */
  badRequest: 'bad_request',
  /** The body is larger than the server accepts (413). */
  payloadTooLarge: 'payload_too_large',
  /** A body in another format than JSON (415). */
  unsupportedMediaType: 'unsupported_media_type',
  /** A path segment longer than the server accepts (414). */
  uriTooLong: 'uri_too_long',
  /** The request's headers (often its cookies) are larger than the server accepts (431). */
  headerTooLarge: 'header_too_large',
  /** Anything unexpected; details are logged, never returned. */
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Why a single field failed; the web app translates it with `validation.<code>`. */
export const FieldErrorCode = {
  required: 'required',
  tooShort: 'too_short',
  tooLong: 'too_long',
  invalidFormat: 'invalid_format',
  invalidEmail: 'invalid_email',
  invalidValue: 'invalid_value',
  tooSmall: 'too_small',
  tooLarge: 'too_large',
  taken: 'taken',
  mismatch: 'mismatch',
  wrongPassword: 'wrong_password',
  /** Text with a NUL character, a lone UTF-16 surrogate or a percent-encoding that is not UTF-8. */
  invalidText: 'invalid_text',
  /** A JSON body nested deeper than the limit (`limit`); reported on path `body`. */
  tooDeep: 'too_deep',
  /** Nothing but whitespace where text is needed. */
  blank: 'blank',
  /** A new password that is on the bundled list of common passwords. */
  commonPassword: 'common_password',
  /** A fact cites a source id the scheme does not list. */
  unknownSource: 'unknown_source',
  /** An id that must be unique within its list appears twice. */
  duplicate: 'duplicate',
  /** A deadline before its call's opening time. */
  beforeOpening: 'before_opening',
  /** A source no fact group or call cites. */
  unusedSource: 'unused_source',
  /** A property the schema does not know (a misspelt name would otherwise be stored and never read). */
  unknownProperty: 'unknown_property',
  /** A web address that is not absolute `http:` or `https:` (e.g. `javascript:`, `data:`). */
  invalidUrl: 'invalid_url',
  /** A call names a round its scheme does not have. */
  unknownRound: 'unknown_round',
  /** A reference to a scheme the catalogue does not have (e.g. an ended scheme's successor). */
  unknownScheme: 'unknown_scheme',
  /** A county that is already in another round of the same scheme. */
  overlap: 'overlap',
  /** An owner id whose names or address differ from those it has elsewhere in the catalogue. */
  ownerMismatch: 'owner_mismatch',
  /** A scheme's web address that is `http:`: the catalogue takes `https:` only. */
  httpsRequired: 'https_required',
  /** A scheme's web address on a staging, test or local host (e.g. `*.enonic.cloud`, `localhost`, an IP address). */
  deniedHost: 'denied_host',
  /** A day after today, where only a day that has happened makes sense (a source's "checked" day). */
  inFuture: 'in_future',
  /** A status (applied, granted, rejected) that a call not open yet (announced or expected) cannot have. */
  callNotOpen: 'call_not_open',
  /** A file whose content is of a type the upload does not take (the accepted types are named in the message). */
  fileType: 'file_type',
  /** A call its scheme does not have (or a call without a scheme). */
  unknownCall: 'unknown_call',
  /** A participation record that does not exist or is not one of the owner municipalities'. */
  unknownRecord: 'unknown_record',
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `rows.3.population`. */
  path: string;
  code: FieldErrorCode;
  /** Already translated into the request's language. */
  message: string;
  /** Limit that applies (length, minimum), when there is one. */
  limit?: number;
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[] };
}
