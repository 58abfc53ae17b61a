import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { SelfTestStep, SyncHealth as Health } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { detectZone, formatDateTime } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

type Calendar = Health['calendars'][number];

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
  const latest = (pick: (c: Calendar) => string | undefined) =>
    h.calendars
      .map(pick)
      .reduce<string | undefined>(
        (a, b) => (b !== undefined && (a === undefined || b > a) ? b : a),
        undefined,
      );
  const refused = h.calendars.find((c) => !c.permission.ok);
  const failing = h.calendars.find((c) => c.lastError !== undefined);
  return (
    <section aria-label={strings.host.tabs.health}>
      {!h.enabled && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.syncOff}</MessageBarBody>
        </MessageBar>
      )}
      <dl>
        <dt>{t.subscriptions}</dt>
        <dd>
          <ul>
            {h.calendars.map((c) => (
              <li key={c.calendarId}>
                {c.calendarId === 'default' ? t.defaultCalendar : c.calendarId}:{' '}
                {t.subscriptionState[c.subscription.state]}
                {c.subscription.expiresAt && ` (${t.expires(when(c.subscription.expiresAt))})`}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t.lastNotification}</dt>
        <dd>{when(latest((c) => c.lastNotificationAt))}</dd>
        <dt>{t.lastDeltaSync}</dt>
        <dd>{when(latest((c) => c.lastDeltaAt))}</dd>
        <dt>{t.permissionCheck}</dt>
        <dd>{refused ? (refused.permission.detail ?? t.failed) : t.ok}</dd>
        {failing && (
          <>
            <dt>{t.lastError}</dt>
            <dd>
              {failing.lastError}
              {failing.lastErrorAt && ` (${when(failing.lastErrorAt)})`}
            </dd>
          </>
        )}
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
