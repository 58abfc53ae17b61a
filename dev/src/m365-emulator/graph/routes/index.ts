import type { GraphRoute } from '../graph-route.js';
import { subscriptionRoutes } from '../../notifications/subscription-routes.js';

/**
 * Every Graph route table, in matching order. Each folder exports its own table; adding a
 * feature is one line here.
 */
export const graphRouteTables: ReadonlyArray<readonly GraphRoute[]> = [subscriptionRoutes];
