import { SchedulingInputError } from './errors.js';

describe('SchedulingInputError', () => {
  it('carries a literal code and the offending field', () => {
    const error = new SchedulingInputError(
      'INVALID_TIME_ZONE',
      'hosts[0].timeZone',
      'Unknown time zone "Mars/Base".',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_TIME_ZONE');
    expect(error.field).toBe('hosts[0].timeZone');
  });
});
