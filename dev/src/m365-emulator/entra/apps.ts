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
  /** App roles this app's API defines for applications (their `value`, e.g. "Tandem.Bot"). */
  appRoles?: string[];
  /**
   * App roles of other registered APIs granted to this app with admin consent, by the API's client
   * id. A client-credentials token for that API carries them as `roles`.
   */
  grantedAppRoles?: Record<string, string[]>;
}

export interface NewApp {
  clientId?: string;
  displayName: string;
  clientSecret?: string | null;
  redirectUris?: string[];
  exposeApi?: boolean;
  applicationPermissions?: string[];
  delegatedPermissions?: string[];
  appRoles?: string[];
  grantedAppRoles?: Record<string, string[]>;
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
    if (input.appRoles?.length) app.appRoles = [...input.appRoles];
    if (input.grantedAppRoles) app.grantedAppRoles = structuredClone(input.grantedAppRoles);
    this.apps[clientId] = app;
    return { ...app };
  }

  /** Adds an app role to an API's registration (kept if it is already there). */
  defineAppRole(clientId: string, role: string): void {
    const app = this.apps[clientId];
    if (!app) throw new Error(`No app ${clientId} is registered.`);
    if (!app.appRoles?.includes(role)) app.appRoles = [...(app.appRoles ?? []), role];
  }

  /**
   * Grants an API's app role to a client app (admin consent of an application permission).
   * The role must be one the API defines, as in Entra.
   */
  grantAppRole(clientId: string, resourceClientId: string, role: string): void {
    const app = this.apps[clientId];
    const resource = this.apps[resourceClientId];
    if (!app || !resource) throw new Error(`No app ${app ? resourceClientId : clientId} is registered.`);
    if (!resource.appRoles?.includes(role))
      throw new Error(`${resource.displayName} defines no app role ${role}.`);
    const granted = (app.grantedAppRoles ??= {});
    const roles = (granted[resourceClientId] ??= []);
    if (!roles.includes(role)) roles.push(role);
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
