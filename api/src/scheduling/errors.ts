import type { SchedulingErrorCode } from './types.js';

/** Input the engine refuses: `field` is the path of the offending value, e.g. `hosts[1].timeZone`. */
export class SchedulingInputError extends Error {
  override readonly name = 'SchedulingInputError';

  constructor(
    readonly code: SchedulingErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
