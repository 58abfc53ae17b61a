import type { GraphRoute } from '../graph-route.js';
import { calendarRoutes } from './calendars.js';
import { eventRoutes } from './events.js';
import { mailboxSettingsRoutes } from './mailbox-settings.js';
import { userRoutes } from './users.js';
import { calendarViewRoutes } from '../../calendar/routes.js';
import { subscriptionRoutes } from '../../notifications/subscription-routes.js';

/**
 * Every Graph route table, in matching order. Each folder exports its own table; adding a
 * feature is one line here.
 */
export const graphRouteTables: ReadonlyArray<readonly GraphRoute[]> = [
  userRoutes,
  mailboxSettingsRoutes,
  calendarRoutes,
  eventRoutes,
  calendarViewRoutes,
  subscriptionRoutes,
];
