/** What was wrong with an input of the calendar modules; the HTTP layer maps each code to a Graph error. */
export type CalendarErrorCode =
  | 'INVALID_TIME_ZONE'
  | 'INVALID_DATE_TIME'
  | 'INVALID_RECURRENCE'
  | 'INVALID_WINDOW'
  | 'INVALID_PAGE_SIZE'
  | 'SYNC_STATE_NOT_FOUND'
  | 'TOO_MANY_SCHEDULES'
  | 'TIME_INTERVAL_TOO_BIG'
  | 'INVALID_TIME_INTERVAL'
  | 'INVALID_AVAILABILITY_INTERVAL';

/**
 * A refused input of the calendar modules: `code` is a literal the caller switches on, `field` the
 * path of the offending input (`recurrence.pattern.interval`, `startDateTime`).
 */
export class CalendarInputError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarInputError';
  }
}
