import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import type { EmulatorRequest, EmulatorResponse, HttpRoute } from '../server/http-types.js';
import { Router } from '../server/router.js';
import type { EmulatorService } from '../services.js';
import { ChannelTokenIssuer } from './channel-tokens.js';
import { chatPageRoutes } from './chat-page.js';
import { connectorRoutes } from './connector-routes.js';
import type { BotRegistration } from './conversation-store.js';
import { BOT_CONNECTOR_AUDIENCE, TeamsChannel } from './teams-channel.js';

/** The Teams channel of one running emulator and the routes bound to it. */
export interface TeamsRuntime {
  channel: TeamsChannel;
  tokens: ChannelTokenIssuer;
  router: Router<HttpRoute<unknown>>;
}

const runtimes = new WeakMap<EmulatorEnv, TeamsRuntime>();

export function teamsFor(env: EmulatorEnv): TeamsRuntime {
  const runtime = runtimes.get(env);
  if (!runtime) throw new GraphError(503, 'ServiceUnavailable', 'The Teams channel is not started.');
  return runtime;
}

/** Starts the emulated Teams channel: signing key, transcripts, Connector API and chat pages. */
export async function startTeamsChannel(env: EmulatorEnv): Promise<EmulatorService> {
  // Bots ask Entra for `https://api.botframework.com/.default`; the resource must exist in the tenant
  // for the token endpoint to issue a token with that audience, as it does in Azure.
  if (!env.apps.find(BOT_CONNECTOR_AUDIENCE)) {
    env.apps.register({ clientId: BOT_CONNECTOR_AUDIENCE, displayName: 'Bot Framework', clientSecret: null });
  }
  const tokens = await ChannelTokenIssuer.create();
  const channel = new TeamsChannel({
    serviceUrl: () => `${env.urls.origin}/`,
    tokens,
    findUser: (ref) => {
      const user = env.store.findUser(ref);
      return user
        ? {
            id: user.id,
            displayName: user.displayName,
            userPrincipalName: user.userPrincipalName,
            tenantId: user.tenantId,
          }
        : undefined;
    },
    verifyBotToken: async (token) => ({ ...(await env.tokens.verify(token, [BOT_CONNECTOR_AUDIENCE])) }),
  });
  const router = new Router<HttpRoute<unknown>>([
    ...connectorRoutes(channel, tokens, () => env.urls.origin),
    ...chatPageRoutes(channel),
  ]);
  runtimes.set(env, { channel, tokens, router });
  return { stop: () => void runtimes.delete(env) };
}

async function dispatch(req: EmulatorRequest, env: EmulatorEnv): Promise<EmulatorResponse> {
  const { router } = teamsFor(env);
  const match = router.match(req.method, req.path);
  if (!match.found) {
    throw new GraphError(
      match.methodMismatch ? 405 : 404,
      'NotFound',
      `No route for ${req.method} ${req.path}.`,
    );
  }
  return match.found.route.handler({ ...req, params: match.found.params }, env);
}

function parseBot(body: unknown): BotRegistration {
  const fields = (body ?? {}) as Record<string, unknown>;
  const endpoint = fields.endpoint;
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      "Invalid value for 'endpoint': the bot's messaging endpoint URL.",
    );
  }
  const appId = fields.appId ?? '';
  if (typeof appId !== 'string')
    throw new GraphError(400, 'ErrorInvalidRequest', "Invalid value for 'appId'.");
  const name = typeof fields.name === 'string' && fields.name ? fields.name : 'Tandem';
  return { appId, name, endpoint };
}

const prefixes = ['/v3/*rest', '/teams/*rest', '/botframework/*rest'];
const methods = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/**
 * The emulator's top-level table for the Teams channel: the Connector API (`/v3`), the channel's
 * OpenID metadata (`/botframework`), the chat pages (`/teams`) and `/_admin/bot` to register the
 * bot's messaging endpoint.
 */
export const teamsHttpRoutes: HttpRoute<EmulatorEnv>[] = [
  {
    method: 'PUT',
    path: '/_admin/bot',
    handler: (req, env) => {
      const bot = parseBot(req.body);
      teamsFor(env).channel.registerBot(bot);
      return { status: 200, body: bot };
    },
  },
  ...prefixes.flatMap((path) => methods.map((method) => ({ method, path, handler: dispatch }))),
];
