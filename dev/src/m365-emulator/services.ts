import type { EmulatorEnv } from './env.js';
import { startNotifications } from './notifications/runtime.js';
import { startTeamsChannel } from './connector/runtime.js';

/** A background part of the emulator (notification delivery, expiry timers) started with it. */
export interface EmulatorService {
  stop(): void | Promise<void>;
}

export type EmulatorServiceFactory = (env: EmulatorEnv) => EmulatorService | Promise<EmulatorService>;

/** Started in order when the emulator starts, stopped in reverse when it stops. */
export const serviceFactories: readonly EmulatorServiceFactory[] = [startNotifications, startTeamsChannel];
