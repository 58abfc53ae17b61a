import { readFileSync } from 'node:fs';
import type { EmulatorRequest, EmulatorResponse, HttpRoute } from '../server/http-types.js';
import { escapeHtml, page } from '../views/html.js';
import type { TeamsChannel } from './teams-channel.js';

const clientScript = readFileSync(new URL('./chat-page.client.js', import.meta.url), 'utf8');

const STYLES = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
header{background:#464775;color:#fff;padding:.75rem 1rem}header h1{margin:0;font-size:1.1rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
ol{list-style:none;padding:0;margin:0 0 1rem}
.entry{background:#fff;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0;max-width:85%}
.entry.toBot{margin-left:auto;background:#e8ebfa}
.meta{margin:0 0 .25rem;font-size:.8rem;color:#616161}
.card{border:1px solid #d1d1d1;border-radius:4px;padding:.5rem .75rem;margin-top:.5rem;background:#fff}
.bolder{font-weight:600}.subtle{color:#616161}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem}.facts dt{font-weight:600}.facts dd{margin:0}
.columns{display:flex;gap:1rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
.action{font:inherit;padding:.35rem .75rem;border:1px solid #5b5fc7;border-radius:4px;background:#fff;color:#5b5fc7;cursor:pointer;text-decoration:none}
.action:focus-visible,button:focus-visible,input:focus-visible{outline:2px solid #242424;outline-offset:2px}
.notice{color:#a4262c;font-size:.9rem}
form{display:flex;gap:.5rem}form input{flex:1;font:inherit;padding:.4rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;

function html(body: string): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
  };
}

function textField(body: unknown, field: string): string | undefined {
  const value = (body as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** The emulated Teams chat page of a user, and the small JSON API its script calls. */
export function chatPageRoutes(channel: TeamsChannel): HttpRoute<unknown>[] {
  const chatPage = (req: EmulatorRequest): EmulatorResponse => {
    const user = channel.user(req.params.user!);
    const botName = channel.registeredBot?.name ?? 'the bot (none registered yet)';
    return html(
      page({
        title: `Teams chat — ${user.displayName}`,
        script: '/teams/assets/chat.js',
        styles: STYLES,
        body: `<header><h1>Chat with ${escapeHtml(botName)}</h1><p>Signed in as ${escapeHtml(user.displayName)}</p></header>
<main id="chat" data-user="${escapeHtml(user.id)}">
<h2 class="visually-hidden">Conversation</h2>
<div role="log" aria-live="polite" aria-label="Messages"><ol id="transcript"></ol></div>
<p id="status" role="status"></p>
<form id="composer" method="post" action="/teams/chat/${escapeHtml(encodeURIComponent(user.id))}/messages">
<label for="message" class="visually-hidden">Message</label>
<input id="message" name="text" autocomplete="off" placeholder="Type a message" required>
<button type="submit" class="action">Send</button>
</form>
<p><button type="button" id="install" class="action">Install the app</button></p>
</main>`,
      }),
    );
  };

  return [
    {
      method: 'GET',
      path: '/teams/assets/chat.js',
      handler: () => ({
        status: 200,
        headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' },
        body: clientScript,
      }),
    },
    { method: 'GET', path: '/teams/chat/:user', handler: chatPage },
    {
      method: 'GET',
      path: '/teams/chat/:user/state',
      handler: (req) => {
        const user = channel.user(req.params.user!);
        const conversation = channel.conversations.forUser(user.id)[0];
        return {
          status: 200,
          headers: { 'cache-control': 'no-store' },
          body: { version: channel.conversations.version, entries: conversation?.entries ?? [] },
        };
      },
    },
    {
      method: 'POST',
      path: '/teams/chat/:user/messages',
      handler: async (req) => {
        const text = textField(req.body, 'text') ?? '';
        const value = (req.body as Record<string, unknown> | null)?.value;
        if (!text.trim() && value === undefined) {
          return {
            status: 400,
            body: { error: { code: 'BadArgument', message: 'text must not be empty.' } },
          };
        }
        const entry = await channel.userSays(req.params.user!, text, value);
        if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          return {
            status: 303,
            headers: { location: `/teams/chat/${encodeURIComponent(req.params.user!)}` },
          };
        }
        return { status: 201, body: { id: entry.activity.id } };
      },
    },
    {
      method: 'POST',
      path: '/teams/chat/:user/actions',
      handler: async (req) => {
        const activityId = textField(req.body, 'activityId');
        const action = (req.body as Record<string, unknown> | null)?.action as
          Record<string, unknown> | undefined;
        if (!activityId || !action || action.type !== 'Action.Execute') {
          return {
            status: 400,
            body: {
              error: {
                code: 'BadArgument',
                message: 'activityId and an Action.Execute action are required.',
              },
            },
          };
        }
        const entry = await channel.pressAction(req.params.user!, activityId, {
          type: 'Action.Execute',
          id: typeof action.id === 'string' ? action.id : undefined,
          verb: typeof action.verb === 'string' ? action.verb : undefined,
          data:
            typeof action.data === 'object' && action.data !== null
              ? (action.data as Record<string, unknown>)
              : {},
        });
        return { status: 200, body: { id: entry.activity.id, notice: entry.notice } };
      },
    },
    {
      method: 'POST',
      path: '/teams/chat/:user/install',
      handler: async (req) => {
        const conversation = await channel.install(req.params.user!);
        return { status: 200, body: { conversationId: conversation.id } };
      },
    },
  ];
}
