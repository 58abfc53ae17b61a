import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { GraphClientError } from '@microsoft/microsoft-graph-client';
import type { ConnectionRepository } from '../store/connections.js';
import type { TokenSealer } from './token-sealer.js';

export interface HostTokensConfig {
  /** Origin of Entra ID (`https://login.microsoftonline.com`) or of the emulator. */
  authority: string;
  clientId: string;
  clientSecret: string;
  /** Graph resource, for scope names. @default 'https://graph.microsoft.com' */
  graphResource?: string;
}

/**
 * The host has never signed in: nothing can run as them. A GraphClientError (as below), so it reaches
 * callers through the Graph client unchanged and answers 422 with its sentence.
 */
export class HostNotConnectedError extends GraphClientError {
  override readonly name = 'HostNotConnectedError';
  readonly code = 'UNPROCESSABLE';
  constructor(readonly hostId: string) {
    super('This calendar is not connected to Tandem right now, so no times can be offered or booked.');
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * Microsoft 365 refused the host's stored sign-in (consent withdrawn, sessions revoked, refresh token
 * expired): the connection is broken until the host opens Tandem again. A GraphClientError, so the
 * Graph client hands it to callers as it is instead of wrapping it in a GraphError without its code.
 */
export class HostConnectionBrokenError extends GraphClientError {
  override readonly name = 'HostConnectionBrokenError';
  readonly code = 'HOST_DISCONNECTED';
  constructor(
    readonly hostId: string,
    /** For the host (sync health): what Microsoft 365 said. */
    readonly reason: string,
  ) {
    super(
      'Bookings with this person are paused until they reconnect their calendar to Tandem. Please try again later.',
    );
    // GraphClientError sets its own prototype; this keeps instanceof and the name of this class.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** The OAuth error codes and Entra sub-errors that mean "this sign-in is dead", never a passing failure. */
const refusalCodes = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required']);

/**
 * A sentence for the host when Entra refused a token request for good (see refusalCodes), else
 * undefined (network trouble, an outage: worth retrying, the connection is not broken).
 */
export function refusalReason(error: unknown): string | undefined {
  const e = error as { errorCode?: string; subError?: string; errorMessage?: string; message?: string };
  if (!refusalCodes.has(e?.errorCode ?? '') && !refusalCodes.has(e?.subError ?? '')) return undefined;
  const aadsts = /AADSTS(\d+)/.exec(`${e.errorMessage ?? ''} ${e.message ?? ''}`)?.[1];
  const code = aadsts ? ` (AADSTS${aadsts})` : '';
  if (aadsts === '65001' || e.subError === 'consent_required' || e.errorCode === 'consent_required')
    return `Your permission for Tandem to use your calendar was withdrawn${code}.`;
  if (aadsts === '50173')
    return `Microsoft 365 ended Tandem's sign-in, for example after a password change${code}.`;
  if (aadsts === '700082') return `Tandem's sign-in expired after a long time unused${code}.`;
  return `Microsoft 365 no longer accepts Tandem's sign-in${code}.`;
}

const graphPermissions = ['Calendars.ReadWrite', 'MailboxSettings.Read', 'User.Read'];
// An access token is reused until this long before it expires.
const reuseMarginMs = 5 * 60_000;

interface SerializedCache {
  RefreshToken?: Record<string, { secret: string }>;
}

/**
 * Graph tokens of hosts. At sign-in, `connect` trades the host's SSO token on-behalf-of for a Graph
 * token; MSAL's token cache of that exchange (holding the refresh token) is serialized, sealed and
 * stored in the host's connection, so background work (bookings made by invitees, sync, the
 * reconciler) later gets a Graph token with nobody signed in. Access tokens are kept in memory until
 * shortly before they expire.
 */
export class HostTokens {
  private readonly memory = new Map<string, { token: string; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<string>>();
  private readonly metadata = new Map<string, Promise<string | undefined>>();
  private readonly scopes: string[];

  constructor(
    private readonly config: HostTokensConfig,
    private readonly connections: ConnectionRepository,
    private readonly sealer: TokenSealer,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const resource = (config.graphResource ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
    this.scopes = graphPermissions.map((p) => `${resource}/${p}`);
  }

  /** On-behalf-of exchange of the host's SSO token; stores the sealed cache and returns a Graph token. */
  async connect(host: { hostId: string; tenantId: string }, ssoToken: string): Promise<string> {
    const app = await this.app(host.tenantId);
    let result;
    try {
      result = await app.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: this.scopes });
    } catch (error) {
      const reason = refusalReason(error);
      // A host who was connected and is now refused (consent withdrawn) has a broken connection.
      if (reason && (await this.connections.get(host.hostId))?.sealedRefreshToken)
        await this.markBroken(host.hostId, reason);
      throw error;
    }
    if (!result) throw new HostNotConnectedError(host.hostId);
    await this.store(host.hostId, app);
    this.remember(host.hostId, result.accessToken, result.expiresOn);
    return result.accessToken;
  }

  /** A Graph token of the host, from memory or through the stored refresh token. */
  async forHost(hostId: string): Promise<string> {
    const known = this.memory.get(hostId);
    if (known && known.expiresAt - reuseMarginMs > this.clock().getTime()) return known.token;
    let running = this.pending.get(hostId);
    if (!running) {
      running = this.refresh(hostId).finally(() => this.pending.delete(hostId));
      this.pending.set(hostId, running);
    }
    return running;
  }

  /** Drops the memory copy (e.g. Graph answered 401 with it). */
  forget(hostId: string): void {
    this.memory.delete(hostId);
  }

  private async refresh(hostId: string): Promise<string> {
    const connection = await this.connections.get(hostId);
    // Asking Entra again cannot help: only a new sign-in of the host repairs a broken connection.
    if (connection?.broken) throw new HostConnectionBrokenError(hostId, connection.broken.reason);
    if (!connection?.sealedRefreshToken) throw new HostNotConnectedError(hostId);
    const app = await this.app(connection.tenantId);
    const serialized = this.sealer.open(connection.sealedRefreshToken);
    app.getTokenCache().deserialize(serialized);
    const refreshToken = Object.values((JSON.parse(serialized) as SerializedCache).RefreshToken ?? {})[0]
      ?.secret;
    if (!refreshToken) throw new HostNotConnectedError(hostId);
    let result;
    try {
      result = await app.acquireTokenByRefreshToken({ refreshToken, scopes: this.scopes });
    } catch (error) {
      const reason = refusalReason(error);
      if (!reason) throw error;
      await this.markBroken(hostId, reason);
      throw new HostConnectionBrokenError(hostId, reason);
    }
    if (!result) throw new HostNotConnectedError(hostId);
    await this.store(hostId, app);
    this.remember(hostId, result.accessToken, result.expiresOn);
    return result.accessToken;
  }

  private async markBroken(hostId: string, reason: string): Promise<void> {
    this.memory.delete(hostId);
    await this.connections.markBroken(hostId, reason);
  }

  private remember(hostId: string, token: string, expiresOn: Date | null): void {
    this.memory.set(hostId, { token, expiresAt: expiresOn?.getTime() ?? this.clock().getTime() + 600_000 });
  }

  private async store(hostId: string, app: ConfidentialClientApplication): Promise<void> {
    await this.connections.saveRefreshToken(hostId, this.sealer.seal(app.getTokenCache().serialize()));
  }

  private async app(tenantId: string): Promise<ConfidentialClientApplication> {
    const origin = this.config.authority.replace(/\/+$/, '');
    const authority = `${origin}/${tenantId}`;
    const auth: Configuration['auth'] = {
      clientId: this.config.clientId,
      clientSecret: this.config.clientSecret,
      authority,
    };
    const host = new URL(origin).host;
    if (!/(^|\.)login\.microsoftonline\.com$/i.test(host)) {
      // MSAL discovers only Microsoft's own authorities; another one (the dev emulator, a sovereign
      // cloud proxy) is named as known and its metadata handed over.
      auth.knownAuthorities = [host];
      const metadata = await this.authorityMetadata(authority);
      if (metadata) auth.authorityMetadata = metadata;
    }
    return new ConfidentialClientApplication({ auth });
  }

  private authorityMetadata(authority: string): Promise<string | undefined> {
    let found = this.metadata.get(authority);
    if (!found) {
      found = fetch(`${authority}/v2.0/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(5_000),
      })
        .then((res) => (res.ok ? res.text() : undefined))
        .catch(() => undefined);
      found.then((m) => m === undefined && this.metadata.delete(authority)).catch(() => undefined);
      this.metadata.set(authority, found);
    }
    return found;
  }
}
