import { availableSlots } from './engine.js';
import {
  allDay,
  booking,
  busy,
  host,
  hours,
  localDays,
  page,
  query,
  wallStarts,
} from './fixtures.test-support.js';
import type { BusyRules, Sensitivity, ShowAs } from './types.js';

const NONE: BusyRules = { tentativeBlocks: false, workingElsewhereBlocks: false, privateBlocks: false };
const ALL: BusyRules = { tentativeBlocks: true, workingElsewhereBlocks: true, privateBlocks: true };

/** Whether a 10:00–10:30 item with these properties takes away the 10:00 slot. */
function blocks10(item: Partial<Parameters<typeof busy>[2]>, busyRules: BusyRules): boolean {
  const ada = host('ada', 'UTC', { busy: [busy('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', item)] });
  const slots = availableSlots(query({ host: ada, page: page({ busyRules }) }));
  return !slots.some((s) => s.start === '2026-03-02T10:00:00Z');
}

describe('which busy items block', () => {
  test.each<[ShowAs, boolean, boolean]>([
    // showAs, blocks with every option off, blocks with every option on
    ['busy', true, true],
    ['oof', true, true],
    ['unknown', true, true],
    ['tentative', false, true],
    ['workingElsewhere', false, true],
    ['free', false, false],
  ])('showAs %s blocks: options off → %s, options on → %s', (showAs, whenOff, whenOn) => {
    expect(blocks10({ showAs }, NONE)).toBe(whenOff);
    expect(blocks10({ showAs }, ALL)).toBe(whenOn);
  });

  test.each<[string, Partial<BusyRules>, ShowAs, boolean]>([
    ['tentative, only tentative on', { tentativeBlocks: true }, 'tentative', true],
    ['workingElsewhere, only tentative on', { tentativeBlocks: true }, 'workingElsewhere', false],
    [
      'workingElsewhere, only workingElsewhere on',
      { workingElsewhereBlocks: true },
      'workingElsewhere',
      true,
    ],
  ])('%s → blocks: %s', (_name, rules, showAs, expected) => {
    expect(blocks10({ showAs }, { ...NONE, privateBlocks: true, ...rules })).toBe(expected);
  });

  test.each<[Sensitivity, boolean, boolean]>([
    // sensitivity, blocks when privateBlocks is off, blocks when on
    ['normal', true, true],
    ['personal', true, true],
    ['private', false, true],
    ['confidential', false, true],
  ])('a busy %s item: privateBlocks off → %s, on → %s', (sensitivity, whenOff, whenOn) => {
    expect(blocks10({ sensitivity }, { ...NONE, privateBlocks: false })).toBe(whenOff);
    expect(blocks10({ sensitivity }, { ...NONE, privateBlocks: true })).toBe(whenOn);
  });

  it('never blocks with a cancelled item, whatever it shows', () => {
    expect(blocks10({ showAs: 'oof', isCancelled: true }, ALL)).toBe(false);
  });

  it('blocks with a busy item on any of the availability calendars', () => {
    const ada = host('ada', 'UTC', {
      busy: [
        busy('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', { calendarId: 'work' }),
        busy('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', { calendarId: 'family' }),
      ],
    });
    expect(wallStarts(availableSlots(query({ host: ada })), 'UTC')[0]).toBe('11:00');
  });

  it('lets a slot touch a busy item at either end', () => {
    const ada = host('ada', 'UTC', {
      workingHours: { weekly: hours('09:00', '11:00'), overrides: [] },
      busy: [busy('2026-03-02T09:30:00Z', '2026-03-02T10:30:00Z')],
    });
    expect(wallStarts(availableSlots(query({ host: ada })), 'UTC')).toEqual(['09:00', '10:30']);
  });

  it('blocks with an item of a single odd minute inside the slot', () => {
    const ada = host('ada', 'UTC', {
      workingHours: { weekly: hours('09:00', '10:00'), overrides: [] },
      busy: [busy('2026-03-02T09:29:00Z', '2026-03-02T09:30:00Z')],
    });
    expect(wallStarts(availableSlots(query({ host: ada })), 'UTC')).toEqual(['09:30']);
  });
});

describe('events spanning midnight or several days', () => {
  it('blocks the end of one day and the start of the next', () => {
    const ada = host('ada', 'UTC', {
      workingHours: { weekly: hours('00:00', '24:00'), overrides: [] },
      busy: [busy('2026-03-02T23:00:00Z', '2026-03-03T01:00:00Z')],
    });
    const slots = availableSlots(
      query({
        host: ada,
        range: { start: '2026-03-02T22:00:00Z', end: '2026-03-03T02:00:00Z' },
        durationMinutes: 60,
      }),
    );
    expect(slots.map((s) => s.start)).toEqual(['2026-03-02T22:00:00Z', '2026-03-03T01:00:00Z']);
  });

  it('blocks every day a three-day timed event covers', () => {
    const ada = host('ada', 'Europe/Berlin', {
      busy: [busy('2026-03-02T06:00:00Z', '2026-03-05T06:00:00Z')],
    });
    const slots = availableSlots(
      query({ host: ada, range: localDays('Europe/Berlin', '2026-03-02', '2026-03-05') }),
    );
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.start >= '2026-03-05')).toBe(true);
  });
});

describe('all-day items', () => {
  const berlinDay = localDays('Europe/Berlin', '2026-03-03', '2026-03-03');

  it('block the whole local day in the host zone', () => {
    const ada = host('ada', 'Europe/Berlin', {
      workingHours: { weekly: hours('00:00', '24:00'), overrides: [] },
      busy: [allDay('2026-03-03', '2026-03-04', { showAs: 'oof' })],
    });
    const range = localDays('Europe/Berlin', '2026-03-02', '2026-03-04');
    const slots = availableSlots(query({ host: ada, range, durationMinutes: 60 }));
    const berlinDates = new Set(
      slots.map((s) => new Date(Date.parse(s.start) + 3_600_000).toISOString().slice(0, 10)),
    );
    expect([...berlinDates]).toEqual(['2026-03-02', '2026-03-04']);
    // The day before ends at 24:00 Berlin and the day after starts at 00:00 Berlin.
    expect(slots.some((s) => s.start === '2026-03-02T22:00:00Z')).toBe(true);
    expect(slots.some((s) => s.start === '2026-03-03T23:00:00Z')).toBe(true);
    expect(slots.some((s) => s.start === '2026-03-02T23:00:00Z')).toBe(false);
  });

  it('block the host-local day even when the invitee is in another zone', () => {
    const ada = host('ada', 'Europe/Berlin', { busy: [allDay('2026-03-03', '2026-03-04')] });
    expect(
      availableSlots(query({ host: ada, range: berlinDay, inviteeTimeZone: 'Pacific/Auckland' })),
    ).toEqual([]);
    // Without the item the same day has slots, labelled with Auckland dates.
    const free = availableSlots(
      query({ host: host('ada', 'Europe/Berlin'), range: berlinDay, inviteeTimeZone: 'Pacific/Auckland' }),
    );
    expect(free[0]).toMatchObject({ start: '2026-03-03T08:00:00Z', inviteeDate: '2026-03-03' });
    expect(free[free.length - 1]).toMatchObject({ start: '2026-03-03T15:30:00Z', inviteeDate: '2026-03-04' });
  });

  it('cover several days up to their exclusive end date', () => {
    const ada = host('ada', 'UTC', { busy: [allDay('2026-03-02', '2026-03-04')] });
    const slots = availableSlots(query({ host: ada, range: localDays('UTC', '2026-03-02', '2026-03-04') }));
    expect(slots[0]!.start).toBe('2026-03-04T09:00:00Z');
  });

  it('follow the host day length on a DST day (23 hours in London on 2026-03-29)', () => {
    const ada = host('ada', 'Europe/London', {
      workingHours: { weekly: hours('00:00', '24:00'), overrides: [] },
      busy: [allDay('2026-03-29', '2026-03-30')],
    });
    const slots = availableSlots(
      query({
        host: ada,
        range: { start: '2026-03-28T23:00:00Z', end: '2026-03-30T00:00:00Z' },
        durationMinutes: 60,
      }),
    );
    expect(slots.map((s) => s.start)).toEqual(['2026-03-28T23:00:00Z', '2026-03-29T23:00:00Z']);
  });

  it('free all-day items block nothing', () => {
    const ada = host('ada', 'UTC', { busy: [allDay('2026-03-02', '2026-03-03', { showAs: 'free' })] });
    expect(availableSlots(query({ host: ada })).length).toBe(16);
  });
});

describe('the Outlook event of an existing booking', () => {
  it('counts as that booking (with its buffers), not as a busy item', () => {
    const ada = host('ada', 'UTC', {
      busy: [busy('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', { bookingId: 'b-1' })],
      bookings: [booking('b-1', '2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', { status: 'cancelled' })],
    });
    // The booking is cancelled, so neither it nor its Outlook event blocks.
    expect(wallStarts(availableSlots(query({ host: ada })), 'UTC')).toContain('10:00');
  });

  it('still blocks when its booking is not among the host bookings', () => {
    const ada = host('ada', 'UTC', {
      busy: [busy('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', { bookingId: 'b-elsewhere' })],
    });
    expect(wallStarts(availableSlots(query({ host: ada })), 'UTC')).not.toContain('10:00');
  });
});
