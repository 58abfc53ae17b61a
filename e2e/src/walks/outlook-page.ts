// The host in the emulated Outlook on the web (`/outlook/{user}` of the emulator): a week of their
// calendars in their own time zone, where they create, move and delete events by hand.
import type { Locator, Page } from 'playwright-core';
import type { Stack } from '../stack.js';

/** "YYYY-MM-DDTHH:mm" wall time of an instant in a zone (what a datetime-local field holds). */
export function wallTime(instant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Opens the week of `instant` in the person's Outlook. */
export async function openOutlookWeek(
  page: Page,
  stack: Stack,
  person: string,
  instant: string,
): Promise<void> {
  const upn = stack.person(person).userPrincipalName;
  await page.goto(`${stack.emulator.origin}/outlook/${encodeURIComponent(upn)}?week=${instant.slice(0, 10)}`);
  await page.locator('#week section.day').first().waitFor();
}

/** An event of the open week whose label starts with its local "HH:mm–HH:mm" and names `subject`. */
export function outlookEvent(
  page: Page,
  range: { start: string; end: string },
  zone: string,
  subject: RegExp | string,
): Locator {
  const from = wallTime(range.start, zone).slice(11);
  const to = wallTime(range.end, zone).slice(11);
  const text = typeof subject === 'string' ? subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : subject.source;
  return page.getByRole('button', { name: new RegExp(`^${from}–${to} .*${text}`) });
}

/** Creates a busy event through the Outlook page's "New event" form (times in the mailbox's zone). */
export async function createInOutlook(
  page: Page,
  event: { subject: string; start: string; end: string },
  zone: string,
): Promise<void> {
  await page.getByRole('button', { name: 'New event' }).click();
  await page.getByLabel('Subject', { exact: true }).fill(event.subject);
  await page.getByLabel('Start', { exact: true }).fill(wallTime(event.start, zone));
  await page.getByLabel('End', { exact: true }).fill(wallTime(event.end, zone));
  await page.getByLabel('Show as', { exact: true }).selectOption('busy');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await outlookEvent(page, event, zone, event.subject).waitFor();
}

/** Deletes an event of the open week, as the host would in Outlook. */
export async function deleteInOutlook(page: Page, event: Locator): Promise<void> {
  await event.click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await event.waitFor({ state: 'detached' });
}
