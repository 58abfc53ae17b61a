// Valid bodies of every request: documentation by example, and the base the tests mutate.
import type { z } from 'zod';
import type { bookingRequestSchema, cancelRequestSchema, rescheduleRequestSchema } from './bookings.js';
import type { settingsSchema } from './me.js';
import type { bookingPageInputSchema } from './pages.js';
import type { slotsQuerySchema } from './slots.js';

export const examplePage = {
  title: 'Intro call',
  slug: 'intro-call',
  description: 'Thirty minutes to get to know each other.',
  durations: [15, 30],
  location: { kind: 'teams' },
  questions: [
    { id: 'topic', label: 'What would you like to talk about?', kind: 'longText', required: true },
    { id: 'size', label: 'Team size', kind: 'choice', required: false, options: ['1–10', '11–50', '50+'] },
  ],
  rules: {
    slotIntervalMinutes: 15,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 240,
    window: { kind: 'rolling', days: 30 },
    maxBookingsPerDay: 6,
    busyRules: { tentativeBlocks: true, workingElsewhereBlocks: false, privateBlocks: true },
  },
  workingHours: {
    timeZone: 'Asia/Kolkata',
    weekly: [
      { day: 1, from: '09:00', to: '12:00' },
      { day: 1, from: '13:00', to: '17:30' },
      { day: 5, from: '22:00', to: '24:00' },
    ],
    overrides: [
      { date: '2026-12-24', intervals: [] },
      { date: '2026-12-28', intervals: [{ from: '10:00', to: '12:00' }] },
    ],
  },
  team: {
    kind: 'roundRobin',
    policy: 'weighted',
    assignmentPeriodDays: 14,
    members: [{ userId: 'b1f3c2d4', weight: 2 }],
  },
  requiresConfirmation: true,
} satisfies z.input<typeof bookingPageInputSchema>;

export const exampleBookingRequest = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  answers: { topic: 'Engines' },
  durationMinutes: 30,
  start: '2026-04-15T09:30:00Z',
  timeZone: 'America/St_Johns',
} satisfies z.input<typeof bookingRequestSchema>;

export const exampleSlotsQuery = {
  start: '2026-04-01T00:00:00Z',
  end: '2026-05-01T00:00:00+02:00',
  duration: '30',
  timeZone: 'Asia/Kathmandu',
} satisfies z.input<typeof slotsQuerySchema>;

export const exampleSettings = {
  availabilityCalendarIds: ['AAMkAGI2TGuLAAA=', 'AAMkAGI2TGuLBBB='],
  destinationCalendarId: 'AAMkAGI2TGuLAAA=',
  defaultRules: { bufferAfterMinutes: 5 },
} satisfies z.input<typeof settingsSchema>;

export const exampleReschedule = {
  start: '2026-04-16T10:00:00Z',
  reason: 'A clash came up.',
} satisfies z.input<typeof rescheduleRequestSchema>;

export const exampleCancel = { reason: 'No longer needed.' } satisfies z.input<typeof cancelRequestSchema>;
