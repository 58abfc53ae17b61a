export type PackageErrorCode =
  | 'MISSING_VARIABLE'
  | 'INVALID_ENV_FILE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_MANIFEST'
  | 'MISSING_FILE'
  | 'INVALID_ICON'
  | 'URL_NOT_ON_VALID_DOMAIN'
  | 'INVALID_ZIP';

/** Anything that stops an app package from being built; `field` names the variable, file or manifest path. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    readonly code: PackageErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
