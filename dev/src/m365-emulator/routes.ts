import { adminRoutes } from './admin/routes.js';
import { expireRefreshTokens } from './entra/grants.js';
import { revocationAdminRoutes } from './entra/revocation.js';
import { entraRoutes } from './entra/routes.js';
import type { EmulatorEnv } from './env.js';
import type { HttpRoute } from './server/http-types.js';
import { notificationAdminRoutes } from './notifications/admin-routes.js';
import { teamsHttpRoutes } from './connector/runtime.js';
import { outlookViewRoutes } from './views/outlook-routes.js';

const graphMethods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** Graph v1.0: every method under /v1.0 goes to the Graph pipeline, which has its own route tables. */
const graphRoutes: HttpRoute<EmulatorEnv>[] = graphMethods.map((method) => ({
  method,
  path: '/v1.0/*rest',
  handler: (req, env) => env.graph.dispatch(req, `/${req.params.rest ?? ''}`),
}));

/**
 * Every HTTP route table of the emulator's single origin, in matching order. Non-Graph features
 * (Bot Connector, dev pages) add their table here.
 */
export const httpRouteTables: ReadonlyArray<readonly HttpRoute<EmulatorEnv>[]> = [
  entraRoutes,
  graphRoutes,
  adminRoutes,
  revocationAdminRoutes(expireRefreshTokens),
  notificationAdminRoutes,
  teamsHttpRoutes,
  outlookViewRoutes,
];
