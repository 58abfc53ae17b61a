import type { BookingPage, BookingPageInput, FieldError } from '../../api/types.js';

/** What the editor holds: a whole page as the API's create and update bodies take it. */
export type PageDraft = BookingPageInput;
export type WorkingHoursDraft = NonNullable<PageDraft['workingHours']>;
export type TeamDraft = NonNullable<PageDraft['team']>;
export type QuestionDraft = PageDraft['questions'][number];
export type LocationDraft = PageDraft['location'];
export type Interval = { from: string; to: string };

/** A new page: one 30-minute duration, a Teams meeting, the host's Outlook working hours. */
export function newDraft(): PageDraft {
  return {
    title: '',
    slug: '',
    description: '',
    durations: [30],
    location: { kind: 'teams' },
    questions: [],
    rules: {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      window: { kind: 'rolling', days: 60 },
      busyRules: { tentativeBlocks: false, workingElsewhereBlocks: false, privateBlocks: true },
    },
    requiresConfirmation: false,
  };
}

/** The editable part of a saved page (its id, owner, times and etag stay with the page). */
export function draftOf(page: BookingPage): PageDraft {
  const { id: _id, hostId: _host, createdAt: _c, updatedAt: _u, etag: _e, ...draft } = page;
  return draft;
}

/** Monday to Friday, 09:00–17:00, in a zone: where custom working hours start from. */
export function officeHours(timeZone: string): WorkingHoursDraft {
  return {
    timeZone,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
    overrides: [],
  };
}

/** "Intro call!" → "intro-call": a link name the API accepts. */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Field errors by path; a preview's paths (`page.rules.…`) read as the page's own (`rules.…`). */
export function errorsByField(errors: readonly FieldError[], prefix = ''): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of errors) {
    const field = prefix && e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
    if (!map.has(field)) map.set(field, e.message);
  }
  return map;
}
