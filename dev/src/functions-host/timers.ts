import type { LogHandler, Timer } from '@azure/functions';
import { InvocationContext } from './azure-functions.js';
import { randomUUID } from 'node:crypto';
import type { Services, TimerFunction } from '@tandem/api/functions';
import { nextOccurrence, parseSchedule } from './ncrontab.js';

export interface TimerRunner {
  stop(): Promise<void>;
}

// setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer waits re-arm in steps.
const maxDelay = 2 ** 31 - 1;

/**
 * Runs each timer function at its NCRONTAB schedule. Like the runtime, a timer never overlaps itself:
 * the next occurrence is computed after a run ends, and `isPastDue` says the run started late.
 */
export function startTimers(
  definitions: readonly TimerFunction[],
  services: () => Promise<Services>,
  log: (functionName: string) => LogHandler,
  clock: () => Date = () => new Date(),
): TimerRunner {
  const handles = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  for (const definition of definitions) {
    const schedule = parseSchedule(definition.trigger.schedule);
    let last: Date | undefined;

    const run = async (due: Date) => {
      const now = clock();
      const next = nextOccurrence(schedule, now);
      const info: Timer = {
        isPastDue: now.getTime() - due.getTime() > 1000,
        schedule: { adjustForDST: false },
        scheduleStatus: {
          last: (last ?? due).toISOString(),
          next: next.toISOString(),
          lastUpdated: now.toISOString(),
        },
      };
      last = due;
      const context = new InvocationContext({
        invocationId: randomUUID(),
        functionName: definition.name,
        logHandler: log(definition.name),
      });
      try {
        await definition.handler(info, context, await services());
      } catch (error) {
        context.error('Timer run failed:', error);
      }
    };

    const arm = (due: Date) => {
      if (stopped) return;
      const wait = Math.max(0, due.getTime() - clock().getTime());
      const handle = setTimeout(
        () => {
          handles.delete(handle);
          if (wait > maxDelay && clock() < due) return arm(due);
          const job = run(due).finally(() => {
            running.delete(job);
            arm(nextOccurrence(schedule, clock()));
          });
          running.add(job);
        },
        Math.min(wait, maxDelay),
      );
      handles.add(handle);
    };

    if (definition.trigger.runOnStartup) {
      const job = run(clock()).finally(() => running.delete(job));
      running.add(job);
    }
    arm(nextOccurrence(schedule, clock()));
  }

  return {
    async stop() {
      stopped = true;
      for (const handle of handles) clearTimeout(handle);
      handles.clear();
      await Promise.allSettled([...running]);
    },
  };
}
