import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { SelfTestStep, SyncHealth as Health } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { detectZone, formatDateTime } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

type StepView =
  | { state: 'waiting' }
  | { state: 'running' }
  | { state: 'done'; result: SelfTestStep }
  | { state: 'error'; text: string };

/** Subscriptions, last notification, last delta sync, permission check, and the self-test step by step. */
export function SyncHealth({ locale }: { locale: string }) {
  const strings = useStrings();
  const t = strings.health;
  const api = useApi();
  const zone = detectZone();
  const [health, setHealth] = useState<Loadable<Health>>({ status: 'loading' });
  const [steps, setSteps] = useState<StepView[] | undefined>();
  useEffect(() => {
    api
      .syncHealth()
      .then((value) => setHealth({ status: 'ready', value }))
      .catch((error: Error) => setHealth({ status: 'error', error }));
  }, [api]);
  const when = (iso: string | undefined) => (iso ? formatDateTime(iso, zone, locale) : t.never);

  const runSelfTest = async () => {
    const views: StepView[] = t.steps.map(() => ({ state: 'waiting' }));
    setSteps([...views]);
    // One step at a time, so each result shows as soon as it is known; the first failure stops the run.
    for (let i = 0; i < views.length; i++) {
      views[i] = { state: 'running' };
      setSteps([...views]);
      try {
        const result = await api.selfTestStep(i + 1);
        views[i] = { state: 'done', result };
        setSteps([...views]);
        if (!result.ok) return;
      } catch (e) {
        views[i] = { state: 'error', text: (e as Error).message };
        setSteps([...views]);
        return;
      }
    }
  };

  if (health.status === 'loading') return <Spinner label={strings.loading} />;
  if (health.status === 'error')
    return (
      <MessageBar intent="error">
        <MessageBarBody>{health.error.message}</MessageBarBody>
      </MessageBar>
    );
  const h = health.value;
  return (
    <section aria-label={strings.host.tabs.health}>
      <dl>
        <dt>{t.subscriptions}</dt>
        <dd>
          <ul>
            {h.subscriptions.map((s) => (
              <li key={s.calendarId}>
                {s.calendarName ?? s.calendarId}: {t.subscriptionState[s.state]}
                {s.expiresAt && ` (${t.expires(when(s.expiresAt))})`}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t.lastNotification}</dt>
        <dd>{when(h.lastNotificationAt)}</dd>
        <dt>{t.lastDeltaSync}</dt>
        <dd>{when(h.lastDeltaSyncAt)}</dd>
        <dt>{t.permissionCheck}</dt>
        <dd>{h.permission.ok ? t.ok : (h.permission.detail ?? t.failed)}</dd>
        <dt>{t.selfTest}</dt>
        <dd>
          <Button onClick={() => void runSelfTest()} disabled={steps?.some((s) => s.state === 'running')}>
            {t.runSelfTest}
          </Button>
          {steps && (
            <ol aria-live="polite">
              {steps.map((s, i) => (
                <li key={i}>
                  {t.steps[i]}:{' '}
                  {s.state === 'waiting'
                    ? t.waiting
                    : s.state === 'running'
                      ? t.running
                      : s.state === 'error'
                        ? `${t.failed}: ${s.text}`
                        : `${s.result.ok ? t.passed : t.failed}: ${s.result.detail}`}
                </li>
              ))}
            </ol>
          )}
        </dd>
      </dl>
    </section>
  );
}
