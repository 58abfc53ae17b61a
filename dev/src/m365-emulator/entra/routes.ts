import type { EmulatorEnv } from '../env.js';
import type { HttpRoute } from '../server/http-types.js';

/** Entra ID v2 endpoints under /{tenant}/... (filled in by the Entra routes module). */
export const entraRoutes: HttpRoute<EmulatorEnv>[] = [];
