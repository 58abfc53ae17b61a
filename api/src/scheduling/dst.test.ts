import { availableSlots, explain } from './engine.js';
import { host, hours, localDays, localStarts, page, query } from './fixtures.test-support.js';

/** Slots of one host working `from`–`to` every day, over whole local dates. */
function slotsOf(
  zone: string,
  from: string,
  to: string,
  firstDate: string,
  lastDate = firstDate,
  interval = 30,
) {
  return availableSlots(
    query({
      host: host('ada', zone, { workingHours: { weekly: hours(from, to), overrides: [] } }),
      page: page({ slotIntervalMinutes: interval }),
      range: localDays(zone, firstDate, lastDate),
    }),
  );
}

describe('when the host is in London on the spring-forward Sunday (01:00 → 02:00)', () => {
  it('offers no slot at the skipped wall times and starts at 02:00 BST', () => {
    expect(localStarts(slotsOf('Europe/London', '00:00', '03:00', '2026-03-29'), 'Europe/London')).toEqual([
      '2026-03-29 00:00 +00:00',
      '2026-03-29 00:30 +00:00',
      '2026-03-29 02:00 +01:00',
      '2026-03-29 02:30 +01:00',
    ]);
  });

  it('still starts a 09:00 rule at 09:00 local', () => {
    const slots = slotsOf('Europe/London', '09:00', '10:00', '2026-03-29');
    expect(slots.map((s) => s.start)).toEqual(['2026-03-29T08:00:00Z', '2026-03-29T08:30:00Z']);
  });

  it('places 09:00 on the day before and after at their own offsets', () => {
    const slots = slotsOf('Europe/London', '09:00', '09:30', '2026-03-28', '2026-03-30');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-28T09:00:00Z',
      '2026-03-29T08:00:00Z',
      '2026-03-30T08:00:00Z',
    ]);
  });
});

describe('when the host is in New York on the spring-forward Sunday (02:00 → 03:00)', () => {
  it('gives no slot at 02:00 or 02:30, which do not exist', () => {
    expect(
      localStarts(slotsOf('America/New_York', '01:00', '04:00', '2026-03-08'), 'America/New_York'),
    ).toEqual([
      '2026-03-08 01:00 -05:00',
      '2026-03-08 01:30 -05:00',
      '2026-03-08 03:00 -04:00',
      '2026-03-08 03:30 -04:00',
    ]);
  });

  it('moves a working hour starting at 02:30 to 03:00 EDT', () => {
    const slots = slotsOf('America/New_York', '02:30', '04:00', '2026-03-08');
    expect(localStarts(slots, 'America/New_York')).toEqual([
      '2026-03-08 03:00 -04:00',
      '2026-03-08 03:30 -04:00',
    ]);
  });

  it('explains the skipped 02:30 as not a slot start', () => {
    const q = query({
      host: host('ada', 'America/New_York', {
        workingHours: { weekly: hours('00:00', '24:00'), overrides: [] },
      }),
      range: localDays('America/New_York', '2026-03-08', '2026-03-08'),
    });
    // 07:30Z is 03:30 EDT: an existing time, aligned, so bookable; 02:30 EST would be 07:30Z too,
    // but the wall time 02:30 does not exist, so nothing maps there twice.
    expect(explain(q, '2026-03-08T07:30:00Z').bookable).toBe(true);
    expect(explain(q, '2026-03-08T07:15:00Z').reasons.map((r) => r.code)).toEqual(['NOT_A_SLOT_START']);
  });

  it('still starts a 09:00 rule at 09:00 local', () => {
    expect(slotsOf('America/New_York', '09:00', '09:30', '2026-03-08').map((s) => s.start)).toEqual([
      '2026-03-08T13:00:00Z',
    ]);
  });
});

describe('when the clocks go back (ambiguous wall times)', () => {
  it('offers 01:00 and 01:30 in New York once, at the earlier (EDT) instant', () => {
    expect(
      localStarts(slotsOf('America/New_York', '00:30', '02:30', '2026-11-01'), 'America/New_York'),
    ).toEqual([
      '2026-11-01 00:30 -04:00',
      '2026-11-01 01:00 -04:00',
      '2026-11-01 01:30 -04:00',
      '2026-11-01 02:00 -05:00',
    ]);
  });

  it('treats the repeated 01:30 EST as not a slot start', () => {
    const q = query({
      host: host('ada', 'America/New_York', {
        workingHours: { weekly: hours('00:00', '24:00'), overrides: [] },
      }),
      range: localDays('America/New_York', '2026-11-01', '2026-11-01'),
    });
    expect(explain(q, '2026-11-01T05:30:00Z').bookable).toBe(true); // 01:30 EDT
    expect(explain(q, '2026-11-01T06:30:00Z').reasons.map((r) => r.code)).toEqual(['NOT_A_SLOT_START']); // 01:30 EST
  });

  it('gives a London working day of 01:00–03:00 its real three hours', () => {
    const slots = slotsOf('Europe/London', '01:00', '03:00', '2026-10-25', '2026-10-25', 60);
    // 01:00 BST (00:00Z) to 03:00 GMT (03:00Z): 01:00 BST and 02:00 GMT are the wall-aligned starts.
    expect(localStarts(slots, 'Europe/London')).toEqual([
      '2026-10-25 01:00 +01:00',
      '2026-10-25 02:00 +00:00',
    ]);
  });
});

describe('Australia/Lord_Howe, whose DST shift is 30 minutes', () => {
  it('skips 02:00 and 02:15 on 2026-10-04 (02:00 → 02:30)', () => {
    const slots = slotsOf('Australia/Lord_Howe', '01:30', '03:00', '2026-10-04', '2026-10-04', 15);
    expect(localStarts(slots, 'Australia/Lord_Howe')).toEqual([
      '2026-10-04 01:30 +10:30',
      '2026-10-04 01:45 +10:30',
      '2026-10-04 02:30 +11:00', // 30-minute slots: 02:45 would end after 03:00
    ]);
  });

  it('offers the repeated 01:30–02:00 of 2026-04-05 once, at +11:00', () => {
    const slots = slotsOf('Australia/Lord_Howe', '01:00', '02:30', '2026-04-05', '2026-04-05', 15);
    expect(localStarts(slots, 'Australia/Lord_Howe')).toEqual([
      '2026-04-05 01:00 +11:00',
      '2026-04-05 01:15 +11:00',
      '2026-04-05 01:30 +11:00',
      '2026-04-05 01:45 +11:00',
      '2026-04-05 02:00 +10:30', // the interval is 2 hours long; 02:15 would end after it
    ]);
  });
});

describe('Asia/Kathmandu (+05:45)', () => {
  it('starts 09:00 local at 03:15Z and labels the invitee date in their own zone', () => {
    const slots = availableSlots(
      query({
        host: host('ada', 'Asia/Kathmandu', {
          workingHours: { weekly: hours('09:00', '10:00'), overrides: [] },
        }),
        range: localDays('Asia/Kathmandu', '2026-03-02', '2026-03-02'),
        inviteeTimeZone: 'America/Los_Angeles',
      }),
    );
    expect(slots).toEqual([
      {
        start: '2026-03-02T03:15:00Z',
        end: '2026-03-02T03:45:00Z',
        inviteeDate: '2026-03-01',
        hostIds: ['ada'],
      },
      {
        start: '2026-03-02T03:45:00Z',
        end: '2026-03-02T04:15:00Z',
        inviteeDate: '2026-03-01',
        hostIds: ['ada'],
      },
    ]);
  });

  it('aligns candidates on the +05:45 wall clock, not on UTC', () => {
    const slots = slotsOf('Asia/Kathmandu', '00:00', '01:00', '2026-03-02', '2026-03-02', 20);
    expect(slots.map((s) => s.start)).toEqual(['2026-03-01T18:15:00Z', '2026-03-01T18:35:00Z']);
  });
});
