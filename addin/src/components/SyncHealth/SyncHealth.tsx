import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Me, SelfTestRun, SyncHealth as Health } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { detectZone, formatDateTime } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';
import { calendarNamer } from './calendarNames.js';
import { useSelfTest } from './useSelfTest.js';

type Calendar = Health['calendars'][number];

/** Subscriptions, last notification, last delta sync, permission check, and the self-test step by step. */
export function SyncHealth({ locale }: { locale: string }) {
  const strings = useStrings();
  const t = strings.health;
  const api = useApi();
  const zone = detectZone();
  const [health, setHealth] = useState<Loadable<Health>>({ status: 'loading' });
  const [calendars, setCalendars] = useState<Me['calendars']>();
  const selfTest = useSelfTest(api);
  useEffect(() => {
    // The names are a nicety: without them (e.g. Graph refuses the calendar list) calendars are
    // named by their ids, and the health itself still shows.
    const names = api.me().then(
      (me) => me.calendars,
      () => undefined,
    );
    Promise.all([api.syncHealth(), names])
      .then(([value, list]) => {
        setCalendars(list);
        setHealth({ status: 'ready', value });
      })
      .catch((error: Error) => setHealth({ status: 'error', error }));
  }, [api]);
  const when = (iso: string | undefined) => (iso ? formatDateTime(iso, zone, locale) : t.never);

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
  const nameOf = calendarNamer(calendars, t);
  const refused = h.calendars.find((c) => !c.permission.ok);
  const failing = h.calendars.find((c) => c.lastError !== undefined);
  return (
    <section aria-label={strings.host.tabs.health}>
      {h.connection?.state === 'broken' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.connectionBroken}</MessageBarTitle>
            <p>
              {h.connection.reason} {t.brokenSince(when(h.connection.since))}
            </p>
            <p>
              <strong>{h.connection.action}</strong>
            </p>
          </MessageBarBody>
        </MessageBar>
      )}
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
                {nameOf(c.calendarId)}: {t.subscriptionState[c.subscription.state]}
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
          <Button
            onClick={selfTest.start}
            disabled={selfTest.view.state === 'starting' || selfTest.view.state === 'running'}
          >
            {t.runSelfTest}
          </Button>
          {selfTest.view.state === 'starting' && <Spinner size="tiny" label={t.starting} />}
          {selfTest.view.state === 'error' && (
            <MessageBar intent="error">
              <MessageBarBody>{selfTest.view.text}</MessageBarBody>
            </MessageBar>
          )}
          {'run' in selfTest.view && selfTest.view.run && <SelfTestSteps run={selfTest.view.run} />}
          {selfTest.view.state === 'done' && (
            <p role="status">{selfTest.view.run.status === 'passed' ? t.allPassed : t.someFailed}</p>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** The run's steps in order, each with its state, the API's detail and how long it took. */
function SelfTestSteps({ run }: { run: SelfTestRun }) {
  const t = useStrings().health;
  return (
    <ol aria-label={t.selfTest} aria-live="polite">
      {[...run.steps]
        .sort((a, b) => a.step - b.step)
        .map((step) => (
          <li key={step.step} data-status={step.status}>
            {t.steps[step.step - 1] ?? step.name}: {t.stepStatus[step.status]}
            {step.ms !== undefined && ` (${t.ms(step.ms)})`}
            {step.detail && ` — ${step.detail}`}
          </li>
        ))}
    </ol>
  );
}
