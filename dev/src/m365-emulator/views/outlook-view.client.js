// The emulated Outlook week view. Event subjects are untrusted text: they are only ever set through
// textContent or form values, never parsed as HTML.
/* global document, window */

const root = document.getElementById('outlook');
const base = `/outlook/${encodeURIComponent(root.dataset.user)}`;
const weekNode = document.getElementById('week');
const title = document.getElementById('week-title');
const editor = document.getElementById('editor');
const status = document.getElementById('status');
let weekStart = new URLSearchParams(window.location.search).get('week') || '';
let current = null;
let version = -1;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function time(wall) {
  return wall.slice(11, 16);
}

function shiftWeek(days) {
  const date = new Date(`${current.weekStart}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  weekStart = date.toISOString().slice(0, 10);
  version = -1;
  load();
}

function render(view) {
  current = view;
  title.textContent = `Week of ${view.days[0].label} (${view.zone})`;
  const calendarSelect = editor.elements.calendarId;
  calendarSelect.replaceChildren(
    ...view.calendars.map((c) =>
      el('option', { value: c.id, text: c.isDefault ? `${c.name} (default)` : c.name }),
    ),
  );
  weekNode.replaceChildren(
    ...view.days.map((day) => {
      const list = el('ul', {});
      for (const item of day.items) {
        const label = item.isAllDay
          ? `All day: ${item.subject}`
          : `${time(item.start)}–${time(item.end)} ${item.subject}`;
        const button = el('button', {
          type: 'button',
          text: label,
          'aria-label': `${label}, ${item.showAs}${item.calendarName ? `, ${item.calendarName}` : ''}`,
        });
        button.addEventListener('click', () => openEditor(item));
        list.append(
          el(
            'li',
            {
              class: `event ${item.showAs}${item.isCancelled ? ' cancelled' : ''}`,
              'data-event-id': item.id,
              'data-show-as': item.showAs,
            },
            button,
          ),
        );
      }
      return el('section', { class: 'day', 'aria-label': day.label }, el('h2', { text: day.label }), list);
    }),
  );
  weekNode.dataset.version = String(view.version);
}

function openEditor(item) {
  editor.hidden = false;
  editor.elements.id.value = item ? item.id : '';
  editor.elements.subject.value = item ? item.subject : '';
  editor.elements.start.value = item ? item.start : `${current.days[0].date}T09:00`;
  editor.elements.end.value = item ? item.end : `${current.days[0].date}T09:30`;
  editor.elements.showAs.value = item ? item.showAs : 'busy';
  editor.elements.calendarId.value = item ? item.calendarId : current.calendars.find((c) => c.isDefault).id;
  editor.elements.calendarId.disabled = Boolean(item);
  document.getElementById('delete-event').hidden = !item;
  document.getElementById('editor-title').textContent = item ? 'Edit event' : 'New event';
  editor.elements.subject.focus();
}

async function send(method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error((problem.error && problem.error.message) || `HTTP ${response.status}`);
  }
}

editor.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = editor.elements;
  const fields = {
    subject: form.subject.value,
    start: form.start.value,
    end: form.end.value,
    showAs: form.showAs.value,
  };
  try {
    if (form.id.value) await send('PATCH', `/events/${encodeURIComponent(form.id.value)}`, fields);
    else await send('POST', '/events', { ...fields, calendarId: form.calendarId.value });
    status.textContent = `Saved "${fields.subject}".`;
    editor.hidden = true;
  } catch (error) {
    status.textContent = `Could not save: ${error.message}`;
  }
  load();
});

document.getElementById('delete-event').addEventListener('click', async () => {
  const id = editor.elements.id.value;
  try {
    await send('DELETE', `/events/${encodeURIComponent(id)}`);
    status.textContent = 'Event deleted.';
    editor.hidden = true;
  } catch (error) {
    status.textContent = `Could not delete: ${error.message}`;
  }
  load();
});

document.getElementById('cancel-edit').addEventListener('click', () => {
  editor.hidden = true;
});
document.getElementById('new-event').addEventListener('click', () => openEditor(null));
document.getElementById('previous-week').addEventListener('click', () => shiftWeek(-7));
document.getElementById('next-week').addEventListener('click', () => shiftWeek(7));
document.getElementById('this-week').addEventListener('click', () => {
  weekStart = '';
  version = -1;
  load();
});

async function load() {
  try {
    const response = await fetch(`${base}/week${weekStart ? `?start=${weekStart}` : ''}`, {
      cache: 'no-store',
    });
    const view = await response.json();
    if (view.version === version && current && current.weekStart === view.weekStart) return;
    version = view.version;
    render(view);
  } catch (error) {
    status.textContent = `Lost contact with the emulator: ${error.message}`;
  }
}

async function poll() {
  await load();
  window.setTimeout(poll, 1000);
}
poll();
