import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { SelfTestRun } from '../../api/types.js';

/** How often a running self-test is asked for its progress. */
export const selfTestPollMs = 500;

export type SelfTestView =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'running' | 'done'; run: SelfTestRun }
  | { state: 'error'; text: string; run?: SelfTestRun };

/**
 * Starts the sync self-test and follows it: the API answers at once with the run (202), then the run is
 * polled until it has passed or failed, so each step's result shows as soon as the API knows it.
 */
export function useSelfTest(api: ApiClient): { view: SelfTestView; start(): void } {
  const [view, setView] = useState<SelfTestView>({ state: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const follow = useCallback(
    (run: SelfTestRun) => {
      if (!alive.current) return;
      if (run.status !== 'running') return setView({ state: 'done', run });
      setView({ state: 'running', run });
      timer.current = setTimeout(() => {
        api
          .selfTestRun(run.runId)
          .then(follow)
          .catch((e: Error) => alive.current && setView({ state: 'error', text: e.message, run }));
      }, selfTestPollMs);
    },
    [api],
  );

  const start = useCallback(() => {
    clearTimeout(timer.current);
    setView({ state: 'starting' });
    api
      .startSelfTest()
      .then(follow)
      .catch((e: Error) => alive.current && setView({ state: 'error', text: e.message }));
  }, [api, follow]);

  return { view, start };
}
