import { readFileSync } from 'node:fs';
import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import type { EmulatorRequest, EmulatorResponse, HttpRoute } from '../server/http-types.js';
import { graphAsUser } from './graph-as-user.js';
import { escapeHtml, page } from './html.js';
import { weekOf } from './week.js';

const clientScript = readFileSync(new URL('./outlook-view.client.js', import.meta.url), 'utf8');

const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;

const STYLES = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;color:#242424;background:#faf9f8}
header{background:#0f6cbd;color:#fff;padding:.75rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header h1{margin:0;font-size:1.1rem}
header button{font:inherit;color:#fff;background:transparent;border:1px solid #fff;border-radius:4px;padding:.2rem .6rem;cursor:pointer}
main{padding:1rem}
.week{display:grid;grid-template-columns:repeat(7,minmax(9rem,1fr));gap:.5rem}
.day{background:#fff;border:1px solid #e1dfdd;border-radius:4px;padding:.5rem;min-height:10rem}
.day h2{font-size:.9rem;margin:0 0 .5rem}
.day ul{list-style:none;margin:0;padding:0}
.event{border-left:4px solid;padding:.25rem .5rem;margin:.25rem 0;border-radius:2px;font-size:.85rem}
.event button{font:inherit;background:none;border:0;padding:0;text-align:left;cursor:pointer;width:100%;color:inherit}
.event.free{border-color:#8a8886;background:#f3f2f1}
.event.tentative{border-color:#0f6cbd;background:repeating-linear-gradient(45deg,#e8f1fb,#e8f1fb 4px,#fff 4px,#fff 8px)}
.event.busy{border-color:#0f6cbd;background:#cfe4fa}
.event.oof{border-color:#8764b8;background:#e9def7}
.event.workingElsewhere{border-color:#8a8886;background:#fff;border-style:dotted}
.event.unknown{border-color:#c8c6c4;background:#fff}
.event.cancelled{text-decoration:line-through}
.legend{display:flex;gap:.75rem;flex-wrap:wrap;font-size:.85rem;margin:.5rem 0}
form.editor{background:#fff;border:1px solid #e1dfdd;border-radius:4px;padding:1rem;margin-top:1rem;display:grid;gap:.5rem;max-width:28rem}
form.editor .field{display:grid;gap:.15rem}
[hidden]{display:none !important}
form.editor input,form.editor select{font:inherit;padding:.3rem}
.buttons{display:flex;gap:.5rem}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid #242424;outline-offset:2px}
`;

function object(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new GraphError(400, 'ErrorInvalidRequest', 'Expected a JSON object body.');
}

function wallField(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Invalid value for '${field}': expected a local date and time.`,
    );
  }
  return value.length === 16 ? `${value}:00` : value;
}

/** The view's edit form → the Graph event body fields it changes (times in the mailbox zone). */
function graphFields(body: Record<string, unknown>, windowsZone: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (body.subject !== undefined) {
    if (typeof body.subject !== 'string')
      throw new GraphError(400, 'ErrorInvalidRequest', "Invalid value for 'subject'.");
    fields.subject = body.subject;
  }
  const start = wallField(body, 'start');
  const end = wallField(body, 'end');
  if (start) fields.start = { dateTime: start, timeZone: windowsZone };
  if (end) fields.end = { dateTime: end, timeZone: windowsZone };
  if (body.showAs !== undefined) {
    if (!SHOW_AS.includes(body.showAs as (typeof SHOW_AS)[number])) {
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        `Invalid value for 'showAs': one of ${SHOW_AS.join(', ')}.`,
      );
    }
    fields.showAs = body.showAs;
  }
  return fields;
}

function outlookPage(req: EmulatorRequest, env: EmulatorEnv): EmulatorResponse {
  const user = env.store.getUser(req.params.user!);
  const legend = SHOW_AS.map((s) => `<span class="event ${s}">${s}</span>`).join('');
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: page({
      title: `Calendar — ${user.displayName}`,
      script: '/outlook/assets/outlook.js',
      styles: STYLES,
      body: `<header><h1>Calendar of ${escapeHtml(user.displayName)}</h1>
<nav aria-label="Weeks"><button type="button" id="previous-week">Previous week</button>
<button type="button" id="this-week">This week</button>
<button type="button" id="next-week">Next week</button></nav>
<span id="week-title" aria-live="polite"></span></header>
<main id="outlook" data-user="${escapeHtml(user.id)}">
<p class="legend" aria-label="Show as colours">${legend}</p>
<p><button type="button" id="new-event">New event</button></p>
<div class="week" id="week"></div>
<form class="editor" id="editor" hidden aria-labelledby="editor-title">
<h2 id="editor-title">Event</h2>
<input type="hidden" name="id">
<div class="field"><label for="event-subject">Subject</label><input id="event-subject" name="subject" required></div>
<div class="field"><label for="event-calendar">Calendar</label><select id="event-calendar" name="calendarId"></select></div>
<div class="field"><label for="event-start">Start</label><input id="event-start" type="datetime-local" name="start" required></div>
<div class="field"><label for="event-end">End</label><input id="event-end" type="datetime-local" name="end" required></div>
<div class="field"><label for="event-show-as">Show as</label><select id="event-show-as" name="showAs">${SHOW_AS.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></div>
<div class="buttons"><button type="submit">Save</button><button type="button" id="delete-event">Delete</button><button type="button" id="cancel-edit">Cancel</button></div>
</form>
<p id="status" role="status"></p>
</main>`,
    }),
  };
}

/** Every mailbox of the emulator, with links to its Outlook view and its Teams chat. */
function mailboxIndex(_req: EmulatorRequest, env: EmulatorEnv): EmulatorResponse {
  const rows = env.store
    .listUsers()
    .map(
      (user) =>
        `<li><strong>${escapeHtml(user.displayName)}</strong> (${escapeHtml(user.userPrincipalName)}) — ` +
        `<a href="/outlook/${escapeHtml(encodeURIComponent(user.id))}">calendar</a>, ` +
        `<a href="/teams/chat/${escapeHtml(encodeURIComponent(user.id))}">Teams chat</a></li>`,
    )
    .join('');
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: page({
      title: 'Mailboxes',
      styles: STYLES,
      body: `<header><h1>Mailboxes of the Microsoft 365 emulator</h1></header><main><ul>${rows}</ul></main>`,
    }),
  };
}

function forward(response: EmulatorResponse): EmulatorResponse {
  return { status: response.status, ...(response.body === undefined ? {} : { body: response.body }) };
}

/**
 * The Outlook view of a mailbox: a week of every calendar, colour per showAs, where a person or a
 * browser test creates, moves, resizes, re-labels and deletes events. Every change goes through the
 * Graph pipeline as the mailbox's user, so subscriptions see it exactly as an API change.
 */
export const outlookViewRoutes: HttpRoute<EmulatorEnv>[] = [
  {
    method: 'GET',
    path: '/outlook/assets/outlook.js',
    handler: () => ({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' },
      body: clientScript,
    }),
  },
  { method: 'GET', path: '/outlook', handler: mailboxIndex },
  { method: 'GET', path: '/outlook/:user', handler: outlookPage },
  {
    method: 'GET',
    path: '/outlook/:user/week',
    handler: (req, env) => ({
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: {
        ...weekOf(env.store, env.store.getUser(req.params.user!).id, req.query.get('start') ?? undefined),
        version: env.store.version,
      },
    }),
  },
  {
    method: 'POST',
    path: '/outlook/:user/events',
    handler: async (req, env) => {
      const user = env.store.getUser(req.params.user!);
      const body = object(req.body);
      const fields = graphFields(body, user.mailboxSettings.timeZone);
      const calendarId =
        typeof body.calendarId === 'string' && body.calendarId
          ? body.calendarId
          : env.store.defaultCalendar(user.id).id;
      return forward(
        await graphAsUser(
          env,
          user,
          'POST',
          `/users/${user.id}/calendars/${encodeURIComponent(calendarId)}/events`,
          fields,
        ),
      );
    },
  },
  {
    method: 'PATCH',
    path: '/outlook/:user/events/:eventId',
    handler: async (req, env) => {
      const user = env.store.getUser(req.params.user!);
      const fields = graphFields(object(req.body), user.mailboxSettings.timeZone);
      return forward(
        await graphAsUser(
          env,
          user,
          'PATCH',
          `/users/${user.id}/events/${encodeURIComponent(req.params.eventId!)}`,
          fields,
        ),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/outlook/:user/events/:eventId',
    handler: async (req, env) => {
      const user = env.store.getUser(req.params.user!);
      return forward(
        await graphAsUser(
          env,
          user,
          'DELETE',
          `/users/${user.id}/events/${encodeURIComponent(req.params.eventId!)}`,
        ),
      );
    },
  },
];
