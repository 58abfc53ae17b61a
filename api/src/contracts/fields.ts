// Field schemas shared by every contract, each refusing bad input with a sentence a person understands.
import { z } from 'zod';

type Issue = { input?: unknown };
/** "X is required." when absent, the given sentence otherwise. */
export const says =
  (label: string, sentence: string) =>
  (issue: Issue): string =>
    issue.input === undefined ? `${label} is required.` : sentence;

const hoursText = (minutes: number) =>
  minutes % 60 === 0 && minutes >= 60 ? `${minutes / 60} hours` : `${minutes} minutes`;

/** Whole minutes, a multiple of 5 (lock buckets and slot grids are 5-minute exact). */
export function fiveMinutes(label: string, range: { min: number; max: number }) {
  return z
    .int({ error: says(label, `${label} must be a whole number of minutes.`) })
    .min(range.min, { error: `${label} must be at least ${hoursText(range.min)}.` })
    .max(range.max, { error: `${label} must be at most ${hoursText(range.max)}.` })
    .multipleOf(5, { error: `${label} must be a multiple of 5 minutes.` });
}

export function wholeNumber(label: string, range: { min: number; max: number }) {
  return z
    .int({ error: says(label, `${label} must be a whole number.`) })
    .min(range.min, { error: `${label} must be at least ${range.min}.` })
    .max(range.max, { error: `${label} must be at most ${range.max}.` });
}

export function text(label: string, range: { min: number; max: number }) {
  return z
    .string({ error: says(label, `${label} must be text.`) })
    .trim()
    .min(range.min, {
      error:
        range.min === 1 ? `${label} must not be empty.` : `${label} needs at least ${range.min} characters.`,
    })
    .max(range.max, { error: `${label} must be at most ${range.max} characters.` });
}

/** True for a time-zone name the runtime's time-zone database knows (`Europe/London`, `UTC`). */
export function isIanaZone(value: string): boolean {
  // Offsets (`+02:00`) and abbreviations with digits are not zone names; Intl accepts some of them.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value) || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function timeZone(label = 'Time zone') {
  return z
    .string({ error: says(label, `${label} must be a time-zone name such as "Europe/London".`) })
    .refine(isIanaZone, {
      error: `${label} must be an IANA time-zone name such as "Europe/London" or "America/New_York".`,
    });
}

export function instant(label: string) {
  return z.iso.datetime({
    offset: true,
    error: says(label, `${label} must be a date and time with an offset, such as "2026-04-15T09:00:00Z".`),
  });
}

export function localDate(label: string) {
  return z.iso.date({ error: says(label, `${label} must be a date such as "2026-04-15".`) });
}

export function wallTime(label: string) {
  return z
    .string({ error: says(label, `${label} must be a time such as "09:00".`) })
    .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, {
      error: `${label} must be a time from "00:00" to "24:00", such as "09:30".`,
    });
}

export const slug = z
  .string({ error: says('Link name', 'Link name must be text.') })
  .min(1, { error: 'Link name must not be empty.' })
  .max(60, { error: 'Link name must be at most 60 characters.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error:
      'Link name may use lowercase letters, digits and single hyphens between them, such as "intro-call".',
  });

export const email = z
  .email({ error: says('Email', 'Email must be an email address such as "ada@example.com".') })
  .max(254, {
    error: 'Email must be at most 254 characters.',
  });

/** Entra object ids and Graph ids are opaque; only their shape is bounded. */
export function opaqueId(label: string) {
  return z
    .string({ error: says(label, `${label} must be text.`) })
    .min(1, { error: `${label} must not be empty.` })
    .max(256, { error: `${label} must be at most 256 characters.` })
    .regex(/^[^\s/\\#?]+$/, { error: `${label} must not contain spaces, slashes, "#" or "?".` });
}

/** Minutes of a wall time, `24:00` = 1440. */
export function wallMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
