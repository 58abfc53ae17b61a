import { randomBytes } from 'node:crypto';
import { GraphError } from '../errors.js';
import { newGuid } from '../state/ids.js';

/** An app registration in the emulated tenant. */
export interface AppRegistration {
  clientId: string;
  displayName: string;
  /** Absent for public clients (SPA, MSAL test clients without a secret). */
  clientSecret?: string;
  redirectUris: string[];
  /** "api://localhost/{clientId}" when the app exposes an API; its scope is `{uri}/access_as_user`. */
  identifierUri?: string;
  /** Application permissions (app roles on Graph) granted with admin consent, e.g. "Calendars.ReadWrite". */
  applicationPermissions: string[];
  /** Delegated Graph permissions consented for the tenant, e.g. "Calendars.ReadWrite". */
  delegatedPermissions: string[];
}

export interface NewApp {
  clientId?: string;
  displayName: string;
  clientSecret?: string | null;
  redirectUris?: string[];
  exposeApi?: boolean;
  applicationPermissions?: string[];
  delegatedPermissions?: string[];
}

const DEFAULT_DELEGATED = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'User.Read',
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
];

/** Registered clients, kept in the store so they survive a restart with the rest of the state. */
export class AppRegistry {
  constructor(private readonly apps: Record<string, AppRegistration>) {}

  register(input: NewApp): AppRegistration {
    const clientId = input.clientId ?? newGuid();
    const app: AppRegistration = {
      clientId,
      displayName: input.displayName,
      redirectUris: input.redirectUris ?? [],
      applicationPermissions: input.applicationPermissions ?? [],
      delegatedPermissions: input.delegatedPermissions ?? DEFAULT_DELEGATED,
    };
    if (input.clientSecret !== null)
      app.clientSecret = input.clientSecret ?? randomBytes(24).toString('base64url');
    if (input.exposeApi) app.identifierUri = `api://localhost/${clientId}`;
    this.apps[clientId] = app;
    return { ...app };
  }

  find(clientId: string): AppRegistration | undefined {
    const app = this.apps[clientId];
    return app && { ...app };
  }

  /** The app, or Entra's AADSTS700016 as an OAuth error. */
  get(clientId: string): AppRegistration {
    const app = this.find(clientId);
    if (!app) {
      throw new GraphError(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`,
      );
    }
    return app;
  }

  /** The app whose exposed API a scope or audience names ("api://localhost/{id}/access_as_user", "{id}"). */
  findByResource(resource: string): AppRegistration | undefined {
    return Object.values(this.apps).find(
      (a) =>
        resource === a.clientId ||
        (a.identifierUri !== undefined &&
          (resource === a.identifierUri || resource.startsWith(`${a.identifierUri}/`))),
    );
  }

  list(): AppRegistration[] {
    return Object.values(this.apps).map((a) => ({ ...a }));
  }
}
