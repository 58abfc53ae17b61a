import type { EmulatorRequest, HttpRoute } from '../server/http-types.js';
import { CHANNEL_JWKS_PATH, CHANNEL_OPENID_PATH, type ChannelTokenIssuer } from './channel-tokens.js';
import type { TeamsChannel } from './teams-channel.js';

/**
 * The Bot Connector REST API (v3) the botbuilder CloudAdapter calls for replies, updates and
 * proactive messages, and the OpenID metadata bots validate the channel's tokens against.
 */
export function connectorRoutes(
  channel: TeamsChannel,
  tokens: ChannelTokenIssuer,
  baseUrl: () => string,
): HttpRoute<unknown>[] {
  const bot = (req: EmulatorRequest) => channel.authenticate(req.headers.authorization);
  return [
    {
      method: 'GET',
      path: CHANNEL_OPENID_PATH,
      handler: () => ({ status: 200, body: tokens.openIdConfiguration(baseUrl()) }),
    },
    { method: 'GET', path: CHANNEL_JWKS_PATH, handler: () => ({ status: 200, body: tokens.jwks() }) },
    {
      method: 'POST',
      path: '/v3/conversations',
      handler: async (req) => ({
        status: 201,
        body: await channel.createConversation(await bot(req), req.body),
      }),
    },
    {
      method: 'POST',
      path: '/v3/conversations/:conversationId/activities',
      handler: async (req) => ({
        status: 201,
        body: channel.sendToConversation(await bot(req), req.params.conversationId!, req.body),
      }),
    },
    {
      method: 'POST',
      path: '/v3/conversations/:conversationId/activities/:activityId',
      handler: async (req) => ({
        status: 201,
        body: channel.sendToConversation(
          await bot(req),
          req.params.conversationId!,
          req.body,
          req.params.activityId,
        ),
      }),
    },
    {
      method: 'PUT',
      path: '/v3/conversations/:conversationId/activities/:activityId',
      handler: async (req) => ({
        status: 200,
        body: channel.updateActivity(
          await bot(req),
          req.params.conversationId!,
          req.params.activityId!,
          req.body,
        ),
      }),
    },
    {
      method: 'DELETE',
      path: '/v3/conversations/:conversationId/activities/:activityId',
      handler: async (req) => {
        await bot(req);
        channel.deleteActivity(req.params.conversationId!, req.params.activityId!);
        return { status: 200, body: {} };
      },
    },
    {
      method: 'GET',
      path: '/v3/conversations/:conversationId/members',
      handler: async (req) => {
        await bot(req);
        return { status: 200, body: channel.members(req.params.conversationId!) };
      },
    },
    {
      method: 'GET',
      path: '/v3/conversations/:conversationId/pagedmembers',
      handler: async (req) => {
        await bot(req);
        return { status: 200, body: { members: channel.members(req.params.conversationId!) } };
      },
    },
    {
      method: 'GET',
      path: '/v3/conversations/:conversationId/members/:memberId',
      handler: async (req) => {
        await bot(req);
        return { status: 200, body: channel.member(req.params.conversationId!, req.params.memberId!) };
      },
    },
    {
      method: 'GET',
      path: '/v3/conversations/:conversationId/activities/:activityId/members',
      handler: async (req) => {
        await bot(req);
        return { status: 200, body: channel.members(req.params.conversationId!) };
      },
    },
  ];
}
