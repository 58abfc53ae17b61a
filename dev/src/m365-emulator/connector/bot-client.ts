import type { Activity } from './activity.js';
import type { ChannelTokenIssuer } from './channel-tokens.js';
import type { BotRegistration } from './conversation-store.js';

export interface BotAnswer {
  status: number;
  /** The parsed JSON body (invoke responses), or `null` when the bot sent none. */
  body: unknown;
}

/**
 * POSTs an activity to the bot's messaging endpoint as the Teams channel does; with an app id the
 * request carries a channel token the bot validates against the emulator's OpenID metadata.
 */
export async function sendToBot(
  bot: BotRegistration,
  activity: Activity,
  tokens: ChannelTokenIssuer,
  options: { timeoutMs?: number } = {},
): Promise<BotAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  if (bot.appId)
    headers.Authorization = `Bearer ${await tokens.tokenFor(bot.appId, activity.serviceUrl ?? '')}`;
  const response = await fetch(bot.endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body };
}
