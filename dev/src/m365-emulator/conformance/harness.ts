import { ConfidentialClientApplication, CryptoProvider, type AuthenticationResult } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import type { AppRegistration } from '../entra/apps.js';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../index.js';
import type { UserRecord } from '../state/records.js';

/**
 * A running emulator with a small tenant, and the real SDKs pointed at it: MSAL (known authority +
 * authority metadata, since it refuses to discover a non-Microsoft host) and the Graph client
 * (custom host, so it sends the token).
 */
export interface Conformance {
  em: EmulatorHandle;
  adele: UserRecord;
  megan: UserRecord;
  /** Tandem's API app: confidential, exposes access_as_user, redirect URI for the code flow. */
  api: AppRegistration;
  /** A daemon with Calendars.ReadWrite + MailboxSettings.Read application permissions. */
  daemon: AppRegistration;
  redirectUri: string;
  msal(app: AppRegistration): Promise<ConfidentialClientApplication>;
  graph(accessToken: string | (() => Promise<string>)): Client;
  /** Signs `user` in through the authorization code flow with PKCE and returns MSAL's result. */
  signIn(
    user: UserRecord,
    scopes?: string[],
    client?: ConfidentialClientApplication,
  ): Promise<AuthenticationResult>;
  stop(): Promise<void>;
}

export const TANDEM_SCOPES = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read'];

export async function startConformance(options: EmulatorOptions = {}): Promise<Conformance> {
  const em = await startEmulator(options);
  const adele = em.store.addUser({
    userPrincipalName: 'adele',
    displayName: 'Adele Vance',
    timeZone: 'Pacific Standard Time',
  });
  const megan = em.store.addUser({
    userPrincipalName: 'megan',
    displayName: 'Megan Bowen',
    timeZone: 'Europe/Berlin',
  });
  const redirectUri = 'https://localhost/auth/callback';
  const api = em.registerApp({ displayName: 'Tandem API', exposeApi: true, redirectUris: [redirectUri] });
  const daemon = em.registerApp({
    displayName: 'Tandem sync',
    applicationPermissions: ['Calendars.ReadWrite', 'MailboxSettings.Read'],
  });
  const authority = `${em.authorityHost}/${em.tenantId}`;
  const metadata = await (await fetch(`${authority}/v2.0/.well-known/openid-configuration`)).text();

  const msal = async (app: AppRegistration) =>
    new ConfidentialClientApplication({
      auth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret!,
        authority,
        knownAuthorities: [new URL(em.authorityHost).host],
        authorityMetadata: metadata,
      },
    });

  const graph = (accessToken: string | (() => Promise<string>)) =>
    Client.init({
      baseUrl: `${em.origin}/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(em.origin).hostname]),
      authProvider: (done) => {
        const pending = typeof accessToken === 'string' ? Promise.resolve(accessToken) : accessToken();
        pending.then(
          (t) => done(null, t),
          (e: unknown) => done(e, null),
        );
      },
    });

  const signIn = async (user: UserRecord, scopes = TANDEM_SCOPES, given?: ConfidentialClientApplication) => {
    const client = given ?? (await msal(api));
    const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
    const url = await client.getAuthCodeUrl({
      scopes,
      redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state: 'xyz',
    });
    // The sign-in page submits the same request plus the chosen user; follow that by hand.
    const chosen = new URL(url);
    chosen.searchParams.set('emulator_user', user.id);
    const answer = await fetch(chosen, { redirect: 'manual' });
    const location = new URL(answer.headers.get('location') ?? '');
    if (location.searchParams.get('state') !== 'xyz')
      throw new Error(`sign-in did not return the state: ${location}`);
    return client.acquireTokenByCode({
      code: location.searchParams.get('code')!,
      scopes,
      redirectUri,
      codeVerifier: verifier,
    });
  };

  return { em, adele, megan, api, daemon, redirectUri, msal, graph, signIn, stop: () => em.stop() };
}

/** The real Graph client with a fixed token, for tests that need no sign-in flow. */
export function graphClientWithToken(em: EmulatorHandle, token: string): Client {
  return Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: `${em.origin}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set(['localhost']),
  });
}

/** A Graph error as the SDK throws it (GraphError): HTTP status and Graph's error code. */
export async function graphFailure(
  call: Promise<unknown>,
): Promise<{ statusCode: number; code: string; message: string; headers?: Headers; body?: unknown }> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      statusCode: number;
      code: string;
      message: string;
      headers?: Headers;
      body?: unknown;
    };
    return {
      statusCode: e.statusCode,
      code: e.code,
      message: e.message,
      ...(e.headers ? { headers: e.headers } : {}),
      body: e.body,
    };
  }
  throw new Error('expected the Graph call to fail');
}
