import fc from 'fast-check';
import { availableSlots, chooseMember, explain } from './index.js';
import type { AvailabilityQuery, Explanation, ReasonCode, Slot } from './types.js';
import {
  INVITEE_ZONES,
  TRANSITIONS_2026,
  availabilityQuery,
  blockingItem,
  probeInstants,
} from './testing/arbitraries.js';
import {
  oracleBrokenRules,
  oracleChooseMember,
  oracleSlotHosts,
  oracleSlots,
  type BrokenRule,
  type ClockCache,
} from './testing/oracle.js';

// The engine against its brute-force oracle (testing/oracle.ts), on seeded random queries around the
// 2026 daylight-saving changes. A failure prints the seed and the shrunk query; docs/scheduling.md
// decides which side is wrong.

const SEED = 20_260_308;
// Zone clocks memoise wall times; sharing them across runs keeps the oracle affordable.
const clocks: ClockCache = new Map();

const personal = availabilityQuery({ minHosts: 1, maxHosts: 1, maxRangeHours: 60 });
const team = availabilityQuery({ minHosts: 2, maxHosts: 4, maxRangeHours: 36 });
const anyPage = fc.oneof(personal, team);
const roundRobin = team.map((q) => ({
  ...q,
  page: { ...q.page, team: { ...q.page.team!, kind: 'roundRobin' as const } },
}));

const starts = (slots: Slot[]): string[] => slots.map((s) => s.start);

/** The first slot where two lists differ: a short failure message, cheap to build while shrinking. */
function firstDifference(
  engine: Slot[],
  oracle: Slot[],
): { index: number; engine?: Slot; oracle?: Slot } | undefined {
  for (let index = 0; index < Math.max(engine.length, oracle.length); index++) {
    if (JSON.stringify(engine[index]) !== JSON.stringify(oracle[index])) {
      return { index, engine: engine[index], oracle: oracle[index] };
    }
  }
  return undefined;
}
const params = (numRuns: number) => ({ seed: SEED, numRuns });

describe('the generated ranges', () => {
  it('straddle every 2026 offset change of New York, London, Lord Howe and Santiago', () => {
    const zones = TRANSITIONS_2026.map((t) => `${t.timeZone} ${t.jumpMinutes}`).sort();
    expect(zones).toEqual([
      'America/New_York -60',
      'America/New_York 60',
      'America/Santiago -60',
      'America/Santiago 60',
      'Australia/Lord_Howe -30',
      'Australia/Lord_Howe 30',
      'Europe/London -60',
      'Europe/London 60',
    ]);
    expect(TRANSITIONS_2026.find((t) => t.timeZone === 'America/New_York' && t.jumpMinutes > 0)?.at).toBe(
      Date.parse('2026-03-08T07:00:00Z'),
    );
  });
});

describe('availableSlots against the oracle', () => {
  it('returns exactly the oracle slots for a personal page', () => {
    fc.assert(
      fc.property(personal, (query) => {
        expect(firstDifference(availableSlots(query), oracleSlots(query, clocks))).toBeUndefined();
      }),
      params(150),
    );
  });

  it('returns exactly the oracle slots for a team page', () => {
    fc.assert(
      fc.property(team, (query) => {
        expect(firstDifference(availableSlots(query), oracleSlots(query, clocks))).toBeUndefined();
      }),
      params(80),
    );
  });

  it('returns sorted, unique starts inside the range, each as long as the duration', () => {
    fc.assert(
      fc.property(anyPage, (query) => {
        const slots = availableSlots(query);
        const times = slots.map((s) => Date.parse(s.start));
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
        for (const slot of slots) {
          expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse(query.range.start));
          expect(Date.parse(slot.start)).toBeLessThan(Date.parse(query.range.end));
          expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(query.durationMinutes * 60_000);
          expect(slot.hostIds.length).toBeGreaterThan(0);
        }
      }),
      params(60),
    );
  });
});

describe('explain agrees with availableSlots', () => {
  it('calls every returned slot bookable and every other probed instant not', () => {
    fc.assert(
      fc.property(
        anyPage.chain((query) => fc.tuple(fc.constant(query), probeInstants(query, 12))),
        ([query, probes]) => {
          const slots = availableSlots(query);
          const slotStarts = new Set(starts(slots));
          for (const start of [...slotStarts].slice(0, 12)) {
            const explanation = explain(query, start);
            expect({ start, bookable: explanation.bookable }).toEqual({ start, bookable: true });
            expect(explanation.reasons).toEqual([]);
          }
          for (const start of probes) {
            const explanation = explain(query, start);
            expect({ start, bookable: explanation.bookable }).toEqual({
              start,
              bookable: slotStarts.has(start),
            });
            expect(explanation.reasons.length === 0).toBe(explanation.bookable);
          }
        },
      ),
      params(60),
    );
  });
});

const RULE_OF_CODE: Partial<Record<ReasonCode, BrokenRule>> = {
  OUTSIDE_WORKING_HOURS: 'workingHours',
  TOO_SOON: 'notice',
  BEYOND_WINDOW: 'window',
  BUSY: 'busyOrBooked',
  BUFFER: 'busyOrBooked',
  BOOKED: 'busyOrBooked',
  DAILY_LIMIT: 'dailyLimit',
};

/** The top-level codes of an explanation and, per host, the rules its reasons name. */
function explainedRules(explanation: Explanation): {
  codes: ReasonCode[];
  hosts: Record<string, BrokenRule[]>;
} {
  const hosts: Record<string, Set<BrokenRule>> = {};
  const add = (hostId: string | undefined, code: ReasonCode) => {
    const rule = RULE_OF_CODE[code];
    if (hostId !== undefined && rule !== undefined) (hosts[hostId] ??= new Set()).add(rule);
  };
  for (const reason of explanation.reasons) {
    add(reason.hostId, reason.code);
    for (const member of reason.members ?? [])
      for (const inner of member.reasons) add(member.hostId, inner.code);
  }
  return {
    codes: explanation.reasons
      .map((r) => r.code)
      .filter((c) => c === 'NOT_A_SLOT_START' || c === 'OUTSIDE_RANGE'),
    hosts: Object.fromEntries(Object.entries(hosts).map(([id, rules]) => [id, [...rules].sort()])),
  };
}

describe('explain names the broken rules', () => {
  it('reports what the oracle finds: no candidate, outside the range, and each host rule broken', () => {
    fc.assert(
      fc.property(
        anyPage.chain((query) => fc.tuple(fc.constant(query), probeInstants(query, 8))),
        ([query, probes]) => {
          for (const start of probes) {
            const oracle = oracleBrokenRules(query, start, clocks);
            const expectedCodes: ReasonCode[] = [
              ...(oracle.candidate ? [] : ['NOT_A_SLOT_START' as const]),
              ...(oracle.inRange ? [] : ['OUTSIDE_RANGE' as const]),
            ];
            // A round-robin slot with someone free names nobody; otherwise every host that fails is named.
            const someoneFree = oracle.hosts.some((h) => h.broken.size === 0);
            const namesHosts = query.page.team?.kind !== 'roundRobin' || !someoneFree;
            const expectedHosts = Object.fromEntries(
              oracle.hosts
                .filter((h) => namesHosts && h.broken.size > 0)
                .map((h) => [h.hostId, [...h.broken].sort()]),
            );
            expect({ start, ...explainedRules(explain(query, start)) }).toEqual({
              start,
              codes: expectedCodes,
              hosts: expectedHosts,
            });
          }
        },
      ),
      params(40),
    );
  });
});

describe('chooseMember', () => {
  it('breaks an equal weighted ratio as the equal policy does, like the oracle', () => {
    // a: 1 booking / weight 1, b: 2 bookings / weight 2. Equal ratios; a has fewer, b is less recent.
    const booked = (id: string, bookedAt: string) => ({
      id,
      pageId: 'page-1',
      start: '2025-12-01T10:00:00Z',
      end: '2025-12-01T11:00:00Z',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      status: 'confirmed' as const,
      bookedAt,
    });
    const member = (id: string, weight: number, bookings: ReturnType<typeof booked>[]) => ({
      id,
      timeZone: 'UTC',
      workingHours: { weekly: [{ day: 1 as const, from: '09:00', to: '12:00' }], overrides: [] },
      busy: [],
      bookings,
      weight,
    });
    const tie: AvailabilityQuery = {
      page: {
        id: 'page-1',
        durations: [60],
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minimumNoticeMinutes: 0,
        window: { kind: 'rolling', days: 30 },
        busyRules: { tentativeBlocks: false, workingElsewhereBlocks: false, privateBlocks: true },
        team: { kind: 'roundRobin', policy: 'weighted', assignmentPeriodDays: 30 },
      },
      hosts: [
        member('a', 1, [booked('a1', '2025-12-30T00:00:00Z')]),
        member('b', 2, [booked('b1', '2025-12-10T00:00:00Z'), booked('b2', '2025-12-11T00:00:00Z')]),
      ],
      now: '2026-01-01T00:00:00Z',
      range: { start: '2026-01-05T00:00:00Z', end: '2026-01-06T00:00:00Z' },
      durationMinutes: 60,
      inviteeTimeZone: 'UTC',
    };
    const start = '2026-01-05T09:00:00Z';
    expect(availableSlots(tie)[0]).toEqual(expect.objectContaining({ start, hostIds: ['a', 'b'] }));
    expect(oracleChooseMember(tie, start, clocks)).toBe('a');
    expect(chooseMember(tie, start)).toBe('a');
  });

  it('picks the member the oracle picks, and only a member free for the slot', () => {
    fc.assert(
      fc.property(
        roundRobin.chain((query) => fc.tuple(fc.constant(query), probeInstants(query, 4))),
        ([query, probes]) => {
          const slots = availableSlots(query);
          const sampled = slots.filter((_, i) => i % Math.max(1, Math.floor(slots.length / 6)) === 0);
          for (const slot of sampled) {
            const chosen = chooseMember(query, slot.start);
            expect({ start: slot.start, chosen }).toEqual({
              start: slot.start,
              chosen: oracleChooseMember(query, slot.start, clocks),
            });
            expect(slot.hostIds).toContain(chosen);
          }
          for (const start of probes) {
            const chosen = chooseMember(query, start);
            if (chosen !== undefined) expect(oracleSlotHosts(query, start, clocks) ?? []).toContain(chosen);
          }
        },
      ),
      params(60),
    );
  });
});

describe('availableSlots invariants', () => {
  it('never gains a slot when a blocking busy item is added', () => {
    fc.assert(
      fc.property(
        anyPage.chain((query) => fc.tuple(fc.constant(query), blockingItem(query))),
        ([query, { hostIndex, item }]) => {
          const before = new Map(availableSlots(query).map((s) => [s.start, s.hostIds]));
          const hosts = query.hosts.map((h, i) => (i === hostIndex ? { ...h, busy: [...h.busy, item] } : h));
          for (const slot of availableSlots({ ...query, hosts })) {
            expect(before.has(slot.start)).toBe(true);
            for (const id of slot.hostIds) expect(before.get(slot.start)).toContain(id);
          }
        },
      ),
      params(60),
    );
  });

  it("does not move any slot when only the invitee's zone changes", () => {
    fc.assert(
      fc.property(
        anyPage.chain((query) => fc.tuple(fc.constant(query), fc.constantFrom(...INVITEE_ZONES))),
        ([query, inviteeTimeZone]: [AvailabilityQuery, string]) => {
          const strip = (slots: Slot[]) => slots.map(({ start, end, hostIds }) => ({ start, end, hostIds }));
          expect(strip(availableSlots({ ...query, inviteeTimeZone }))).toEqual(strip(availableSlots(query)));
        },
      ),
      params(40),
    );
  });
});
