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
