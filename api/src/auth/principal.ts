/** The signed-in host behind a validated token. */
export interface Principal {
  tenantId: string;
  /** Entra object id (`oid`): stable across apps, used as the host id. */
  userId: string;
  upn: string;
  name: string;
  /** Delegated scopes the token carries. */
  scopes: readonly string[];
}

/** An application calling as itself (client credentials) — for Tandem, the Teams bot. */
export interface AppPrincipal {
  tenantId: string;
  /** The calling app's client id (`azp`, or `appid` in v1 tokens). */
  appId: string;
  /** App roles granted to the caller on the API. */
  roles: readonly string[];
}
