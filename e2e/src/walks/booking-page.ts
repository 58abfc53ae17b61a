// What an invitee does on the public booking page and the manage page, in the words they see.
import type { Locator, Page } from 'playwright-core';
import type { Stack } from '../stack.js';

/** "8:00 AM" as the page writes a slot's start in `zone` (Intl, en-US, like the front end). */
export function timeLabel(instant: string, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** "Wednesday, November 25 at 8:00 AM PST"-style text as the confirmation writes it, for comparisons. */
export function dateTimeLabel(instant: string, zone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(instant: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date(instant))
    .slice(0, 10);
}

/** Text as a person reads it: Intl's narrow no-break spaces are spaces. */
export const plain = (text: string) => text.replace(/[\u202f\u00a0\s]+/g, ' ').trim();

/** The slots the API offers for a page over the next `days` days (the other side of what the page shows). */
export async function offeredSlots(
  stack: Stack,
  pageId: string,
  options: { days?: number; duration?: number } = {},
): Promise<string[]> {
  const start = new Date().toISOString();
  const end = new Date(Date.now() + (options.days ?? 28) * 86_400_000).toISOString();
  const answer = await stack.callApi(
    'GET',
    `public/pages/${pageId}/slots?start=${start}&end=${end}&duration=${options.duration ?? 30}&timeZone=UTC`,
  );
  if (answer.status !== 200) throw new Error(`The slots answered ${answer.status}: ${answer.text}`);
  return (answer.body.slots as { start: string }[]).map((s) => new Date(s.start).toISOString());
}

/** The list of times of the chosen day ("Available times on …"). */
export const timesList = (page: Page): Locator => page.getByRole('list', { name: /^Available times on / });

/**
 * Chooses the day of `instant` in the month calendar (moving to its month if needed) and waits until
 * the page has loaded that month's times.
 */
export async function chooseDay(page: Page, instant: string, zone: string): Promise<void> {
  const date = dateIn(instant, zone);
  const day = page.locator(`button[data-date="${date}"]`);
  for (let step = 0; step < 3 && !(await day.isVisible()); step++) {
    await page.getByRole('button', { name: 'Next month' }).click();
  }
  await page.locator('section[aria-busy="false"]').waitFor();
  await day.click();
}

/** The button of the slot starting at `instant`, on the list of its day. */
export function slotButton(page: Page, instant: string, zone: string): Locator {
  return timesList(page).getByRole('button', { name: timeLabel(instant, zone), exact: true });
}

/** Opens a booking page and waits for its times to load. */
export async function openBookingPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('section[aria-busy="false"]').waitFor();
}

/** The whole booking: day, time, form; answers the manage link and the text the confirmation shows. */
export async function book(
  page: Page,
  input: {
    instant: string;
    zone: string;
    name: string;
    email: string;
    /** The page's questions, by their label. */
    answers?: Record<string, string>;
  },
): Promise<{ manageUrl: string; confirmation: string }> {
  await chooseDay(page, input.instant, input.zone);
  await slotButton(page, input.instant, input.zone).click();
  await page.getByLabel('Your name').fill(input.name);
  await page.getByLabel('Your email').fill(input.email);
  for (const [label, value] of Object.entries(input.answers ?? {})) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  // "Your request was sent" when the host confirms each booking.
  const confirmation = page.getByRole('region', { name: /^(You are booked|Your request was sent)$/ });
  await confirmation.waitFor();
  const manage = confirmation.getByRole('link', { name: 'Reschedule or cancel' });
  return {
    manageUrl: new URL((await manage.getAttribute('href'))!, page.url()).href,
    confirmation: plain(await confirmation.innerText()),
  };
}
