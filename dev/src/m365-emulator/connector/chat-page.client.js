// The emulated Teams chat page. Every text from the bot or the user is set through textContent or
// attributes, never parsed as HTML: bot messages and cards are untrusted input.
/* global document, window */

const root = document.getElementById('chat');
const userRef = root.dataset.user;
const base = `/teams/chat/${encodeURIComponent(userRef)}`;
const log = document.getElementById('transcript');
const form = document.getElementById('composer');
const input = document.getElementById('message');
const status = document.getElementById('status');
let version = -1;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function safeUrl(value) {
  try {
    const url = new URL(String(value), window.location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

async function post(path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error((problem.error && problem.error.message) || `HTTP ${response.status}`);
  }
  return response.json().catch(() => ({}));
}

function collectInputs(cardNode) {
  const values = {};
  for (const field of cardNode.querySelectorAll('[data-input-id]')) {
    values[field.dataset.inputId] = field.type === 'checkbox' ? String(field.checked) : field.value;
  }
  return values;
}

function renderAction(action, activityId, cardNode) {
  const title = action.title || action.verb || 'Action';
  if (action.type === 'Action.OpenUrl') {
    const href = safeUrl(action.url);
    if (!href) return null;
    return el('a', { class: 'action', href, target: '_blank', rel: 'noopener noreferrer', text: title });
  }
  if (action.type === 'Action.Execute' || action.type === 'Action.Submit') {
    const button = el('button', { type: 'button', class: 'action', text: title });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const data = Object.assign({}, action.data || {}, collectInputs(cardNode));
      try {
        if (action.type === 'Action.Execute') {
          await post('/actions', {
            activityId,
            action: { type: 'Action.Execute', id: action.id, verb: action.verb, data },
          });
        } else {
          await post('/messages', { text: '', value: data });
        }
        status.textContent = `Sent "${title}".`;
      } catch (error) {
        status.textContent = `Could not send "${title}": ${error.message}`;
      } finally {
        button.disabled = false;
        refresh();
      }
    });
    return button;
  }
  return null;
}

// Teams reads a TextBlock's text and facts as Markdown: a backslash-escaped character shows as itself.
const literal = (text) => String(text ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1');

function renderElement(element, activityId, cardNode) {
  if (!element || typeof element !== 'object') return null;
  switch (element.type) {
    case 'TextBlock': {
      const tag = element.size === 'large' || element.size === 'extraLarge' ? 'h3' : 'p';
      const node = el(tag, {
        class: `text-block${element.weight === 'bolder' ? ' bolder' : ''}`,
        text: literal(element.text),
      });
      if (element.isSubtle) node.classList.add('subtle');
      return node;
    }
    case 'RichTextBlock':
      return el('p', {
        text: (element.inlines || []).map((i) => (typeof i === 'string' ? i : i.text || '')).join(''),
      });
    case 'FactSet': {
      const list = el('dl', { class: 'facts' });
      for (const fact of element.facts || [])
        list.append(el('dt', { text: literal(fact.title) }), el('dd', { text: literal(fact.value) }));
      return list;
    }
    case 'Image':
      return element.altText ? el('p', { class: 'subtle', text: `[${element.altText}]` }) : null;
    case 'Container':
      return renderItems(element.items, activityId, cardNode, 'div');
    case 'ColumnSet': {
      const row = el('div', { class: 'columns' });
      for (const column of element.columns || []) {
        const cell = renderItems(column.items, activityId, cardNode, 'div');
        if (cell) row.append(cell);
      }
      return row;
    }
    case 'ActionSet':
      return renderActions(element.actions, activityId, cardNode);
    case 'Input.Text': {
      const id = `input-${activityId}-${element.id}`;
      const field = element.isMultiline
        ? el('textarea', { id, 'data-input-id': element.id, placeholder: element.placeholder })
        : el('input', { id, type: 'text', 'data-input-id': element.id, placeholder: element.placeholder });
      if (element.value) field.value = element.value;
      return el(
        'p',
        {},
        el('label', { for: id, text: element.label || element.placeholder || element.id }),
        field,
      );
    }
    case 'Input.ChoiceSet': {
      const id = `input-${activityId}-${element.id}`;
      const select = el('select', { id, 'data-input-id': element.id });
      for (const choice of element.choices || [])
        select.append(el('option', { value: choice.value, text: choice.title }));
      if (element.value) select.value = element.value;
      return el('p', {}, el('label', { for: id, text: element.label || element.id }), select);
    }
    default:
      return null;
  }
}

function renderItems(items, activityId, cardNode, tag) {
  const container = el(tag, {});
  for (const item of items || []) {
    const node = renderElement(item, activityId, cardNode);
    if (node) container.append(node);
  }
  return container;
}

function renderActions(actions, activityId, cardNode) {
  const bar = el('div', { class: 'actions' });
  for (const action of actions || []) {
    const node = renderAction(action, activityId, cardNode);
    if (node) bar.append(node);
  }
  return bar;
}

function renderCard(card, activityId) {
  const cardNode = el('div', { class: 'card', role: 'group', 'aria-label': 'Adaptive Card' });
  for (const item of card.body || []) {
    const node = renderElement(item, activityId, cardNode);
    if (node) cardNode.append(node);
  }
  if (Array.isArray(card.actions) && card.actions.length > 0)
    cardNode.append(renderActions(card.actions, activityId, cardNode));
  return cardNode;
}

function renderEntry(entry) {
  const activity = entry.activity;
  const item = el('li', { class: `entry ${entry.direction}`, 'data-activity-id': activity.id });
  const author =
    activity.from && activity.from.name ? activity.from.name : entry.direction === 'fromBot' ? 'Bot' : 'You';
  const time = activity.timestamp ? new Date(activity.timestamp).toLocaleTimeString() : '';
  item.append(
    el('p', { class: 'meta' }, el('strong', { text: author }), document.createTextNode(` ${time}`)),
  );
  if (entry.updatedAt) item.querySelector('.meta').append(document.createTextNode(' (edited)'));
  if (activity.text) item.append(el('p', { class: 'text', text: activity.text }));
  for (const attachment of activity.attachments || []) {
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive' && attachment.content) {
      item.append(renderCard(attachment.content, activity.id));
    }
  }
  if (entry.notice) item.append(el('p', { class: 'notice', role: 'status', text: entry.notice }));
  return item;
}

async function refresh() {
  try {
    const response = await fetch(`${base}/state`, { cache: 'no-store' });
    const state = await response.json();
    if (state.version === version) return;
    version = state.version;
    log.replaceChildren(...state.entries.filter((e) => e.activity.type === 'message').map(renderEntry));
    log.dataset.version = String(version);
  } catch (error) {
    status.textContent = `Lost contact with the emulator: ${error.message}`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  try {
    await post('/messages', { text });
    status.textContent = 'Message sent.';
  } catch (error) {
    status.textContent = `Could not send the message: ${error.message}`;
  }
  refresh();
});

document.getElementById('install').addEventListener('click', async () => {
  try {
    await post('/install', {});
    status.textContent = 'The app is installed in this chat.';
  } catch (error) {
    status.textContent = `Could not install the app: ${error.message}`;
  }
});

async function poll() {
  await refresh();
  setTimeout(poll, 400);
}
poll();
