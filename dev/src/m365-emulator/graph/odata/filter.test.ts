import { compileFilter } from './filter.js';

const ID = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name TandemBookingId';
const event = {
  subject: "Ann's review",
  showAs: 'busy',
  isCancelled: false,
  reminderMinutesBeforeStart: 15,
  start: { dateTime: '2026-04-15T09:00:00.0000000', timeZone: 'UTC' },
  singleValueExtendedProperties: [{ id: ID, value: 'bk-1' }],
};

describe('$filter', () => {
  test.each([
    [`singleValueExtendedProperties/Any(ep: ep/id eq '${ID}' and ep/value eq 'bk-1')`, true],
    [
      `singleValueExtendedProperties/any(ep: ep/id eq '${ID.replace('66f5a359', '66F5A359')}' and ep/value eq 'bk-1')`,
      true,
    ],
    [
      `singleValueExtendedProperties/Any(ep: ep/id eq '${ID.replace('TandemBookingId', 'tandembookingid')}')`,
      false,
    ],
    [`singleValueExtendedProperties/Any(ep: ep/value eq 'bk-2')`, false],
    ["subject eq 'Ann''s review'", true],
    ["subject eq 'ANN''S REVIEW'", true],
    ["showAs eq 'busy' and isCancelled eq false", true],
    ["showAs ne 'busy' or reminderMinutesBeforeStart ge 15", true],
    ["not (showAs eq 'busy')", false],
    ["start/dateTime ge '2026-04-15T08:00:00'", true],
    ['start/dateTime lt 2026-04-15T09:00:00Z', false],
    ["startswith(subject, 'ann')", true],
    ["contains(subject, 'view')", true],
  ])('%s → %s', (expression, expected) => {
    expect(compileFilter(expression)!(event)).toBe(expected);
  });

  test.each([
    ["subject eq 'open"],
    ['subject eq'],
    ['(subject eq 1'],
    ['subject ~ 1'],
    ["frobnicate(subject, 'x')"],
  ])('refuses %s with a 400', (expression) => {
    expect(() => compileFilter(expression)!(event)).toThrow(
      expect.objectContaining({ status: 400, code: 'BadRequest' }),
    );
  });

  it('is absent when no filter was given', () => {
    expect(compileFilter(null)).toBeNull();
    expect(compileFilter('  ')).toBeNull();
  });
});
