// The bot's settings, read once from the environment and checked with zod: a missing or malformed
// setting stops the bot with a sentence naming it, never with a stack trace at the first request.
import { z } from 'zod';

/** Azurite's well-known development account (public and documented; not a secret). */
const azuriteAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

export interface BotSettings {
  port: number;
  /** Absent: no Bot Framework authentication in either direction (the local emulator without an app). */
  app?: { id: string; secret: string; tenantId: string };
  /** Entra origin: https://login.microsoftonline.com, or the emulator's origin locally. */
  authAuthority: string;
  /** OpenID metadata of the channel that signs the activities sent to the bot. */
  channelOpenIdUrl: string;
  /** Where to open a personal chat with a host the bot has never talked to. */
  serviceUrl: string;
  api: { baseUrl: string; appIdUri?: string };
  /** The front end, for "Open in Tandem" links; absent: cards carry no such link. */
  publicBaseUrl?: string;
  storageConnectionString: string;
}

/** The settings are missing or malformed; the message says which and how to fix it. */
export class BotSettingsError extends Error {
  override readonly name = 'BotSettingsError';
  readonly code = 'NOT_CONFIGURED';
}

const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(blankIsAbsent, z.string().trim().min(1).optional());
const url = (what: string) =>
  z.preprocess(blankIsAbsent, z.url({ error: `${what} must be an absolute URL (https://…).` }));
const port = (what: string) =>
  z.preprocess(
    blankIsAbsent,
    z.coerce
      .number({ error: `${what} must be a port number.` })
      .int({ error: `${what} must be a port number.` })
      .min(0, { error: `${what} must be a port number between 0 and 65535.` })
      .max(65_535, { error: `${what} must be a port number between 0 and 65535.` })
      .optional(),
  );

const envSchema = z.object({
  TANDEM_BOT_PORT: port('TANDEM_BOT_PORT'),
  TANDEM_BOT_APP_ID: optionalText,
  TANDEM_BOT_APP_SECRET: optionalText,
  TANDEM_BOT_TENANT_ID: optionalText,
  TANDEM_AUTH_AUTHORITY: url('TANDEM_AUTH_AUTHORITY').default('https://login.microsoftonline.com'),
  TANDEM_BOT_CHANNEL_OPENID_URL: url('TANDEM_BOT_CHANNEL_OPENID_URL').default(
    'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ),
  TANDEM_BOT_SERVICE_URL: url('TANDEM_BOT_SERVICE_URL').default('https://smba.trafficmanager.net/teams/'),
  TANDEM_API_BASE_URL: z.preprocess(
    blankIsAbsent,
    z.url({
      error: (issue) =>
        issue.input === undefined
          ? 'TANDEM_API_BASE_URL is not set: give the address of the Tandem API (e.g. http://127.0.0.1:7071).'
          : 'TANDEM_API_BASE_URL must be an absolute URL (e.g. http://127.0.0.1:7071).',
    }),
  ),
  TANDEM_API_APP_ID_URI: optionalText,
  TANDEM_PUBLIC_BASE_URL: z.preprocess(blankIsAbsent, url('TANDEM_PUBLIC_BASE_URL').optional()),
  AzureWebJobsStorage: optionalText,
  TANDEM_STORAGE_CONNECTION_STRING: optionalText,
  TANDEM_AZURITE_TABLE_PORT: port('TANDEM_AZURITE_TABLE_PORT'),
  TANDEM_AZURITE_QUEUE_PORT: port('TANDEM_AZURITE_QUEUE_PORT'),
});

/** Settings that depend on each other, checked on the raw values so they are named with the rest. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (set('TANDEM_BOT_APP_ID')) {
    for (const needed of ['TANDEM_BOT_APP_SECRET', 'TANDEM_BOT_TENANT_ID', 'TANDEM_API_APP_ID_URI']) {
      if (!set(needed))
        problems.push(`${needed} is not set, but TANDEM_BOT_APP_ID is: the bot's app needs it to sign in.`);
    }
  }
  const storage = set('TANDEM_STORAGE_CONNECTION_STRING') || set('AzureWebJobsStorage');
  if (!storage && !(set('TANDEM_AZURITE_TABLE_PORT') && set('TANDEM_AZURITE_QUEUE_PORT')))
    problems.push(
      'Storage is not configured: set AzureWebJobsStorage (or TANDEM_STORAGE_CONNECTION_STRING), or TANDEM_AZURITE_TABLE_PORT and TANDEM_AZURITE_QUEUE_PORT for a local Azurite.',
    );
  return problems;
}

/**
 * The bot's settings from the environment.
 * @example
 * readBotSettings({ TANDEM_API_BASE_URL: 'http://127.0.0.1:7071', TANDEM_AZURITE_TABLE_PORT: '10002',
 *   TANDEM_AZURITE_QUEUE_PORT: '10001' }); // no app id: the local emulator, unauthenticated
 * @throws BotSettingsError with one sentence per problem.
 */
export function readBotSettings(env: NodeJS.ProcessEnv = process.env): BotSettings {
  const parsed = envSchema.safeParse(env);
  const sentences = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || sentences.length > 0)
    throw new BotSettingsError(`The bot cannot start: ${sentences.join(' ')}`);
  const e = parsed.data;
  const app =
    e.TANDEM_BOT_APP_ID && e.TANDEM_BOT_APP_SECRET && e.TANDEM_BOT_TENANT_ID
      ? { id: e.TANDEM_BOT_APP_ID, secret: e.TANDEM_BOT_APP_SECRET, tenantId: e.TANDEM_BOT_TENANT_ID }
      : undefined;
  return {
    port: e.TANDEM_BOT_PORT ?? 3978,
    ...(app && { app }),
    authAuthority: e.TANDEM_AUTH_AUTHORITY.replace(/\/+$/, ''),
    channelOpenIdUrl: e.TANDEM_BOT_CHANNEL_OPENID_URL,
    serviceUrl: e.TANDEM_BOT_SERVICE_URL,
    api: {
      baseUrl: e.TANDEM_API_BASE_URL.replace(/\/+$/, ''),
      ...(e.TANDEM_API_APP_ID_URI && { appIdUri: e.TANDEM_API_APP_ID_URI }),
    },
    ...(e.TANDEM_PUBLIC_BASE_URL && { publicBaseUrl: e.TANDEM_PUBLIC_BASE_URL.replace(/\/+$/, '') }),
    storageConnectionString:
      e.TANDEM_STORAGE_CONNECTION_STRING ||
      e.AzureWebJobsStorage ||
      azuriteConnectionString(e.TANDEM_AZURITE_TABLE_PORT!, e.TANDEM_AZURITE_QUEUE_PORT!),
  };
}

function azuriteConnectionString(tablePort: number, queuePort: number): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${azuriteAccount.name}`,
    `AccountKey=${azuriteAccount.key}`,
    `TableEndpoint=http://127.0.0.1:${tablePort}/${azuriteAccount.name}`,
    `QueueEndpoint=http://127.0.0.1:${queuePort}/${azuriteAccount.name};`,
  ].join(';');
}
