import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  SpinButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/context.js';
import type { BookingPage } from '../../api/types.js';
import type { ComposeTarget } from '../../hosts/HostContext.js';
import { useStrings } from '../../i18n/index.js';
import { detectZone } from '../../time/zones.js';
import { linkHtml, timesHtml, bookingLink } from './composeHtml.js';

export interface ComposeActionsProps {
  pages: BookingPage[];
  /** Absent outside Outlook compose: the actions explain why they are not available. */
  compose: ComposeTarget | undefined;
  /** Where public pages are served (this site). */
  origin: string;
  locale: string;
  now?: Date;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

/** "Insert booking link" and "Insert available times" into the message at the cursor. */
export function ComposeActions({ pages, compose, origin, locale, now }: ComposeActionsProps) {
  const t = useStrings().host.compose;
  const api = useApi();
  const s = useStyles();
  const [pageId, setPageId] = useState(pages[0]?.id ?? '');
  const [count, setCount] = useState(3);
  const [status, setStatus] = useState<{ intent: 'success' | 'error' | 'info'; text: string }>();
  const page = pages.find((p) => p.id === pageId);

  const run = (work: () => Promise<void>) =>
    work()
      .then(() => setStatus({ intent: 'success', text: t.inserted }))
      .catch((e: Error) => setStatus({ intent: 'error', text: e.message }));

  return (
    <section className={s.root} aria-labelledby="compose-heading">
      <h2 id="compose-heading">{t.title}</h2>
      {!compose && <p>{t.notInCompose}</p>}
      <div className={s.row}>
        <Field label={t.page}>
          <Select value={pageId} onChange={(_, d) => setPageId(d.value)}>
            {pages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.howMany}>
          <SpinButton
            min={1}
            max={10}
            value={count}
            onChange={(_, d) => {
              const next = d.value ?? Number(d.displayValue);
              if (Number.isInteger(next) && next >= 1 && next <= 10) setCount(next);
            }}
          />
        </Field>
      </div>
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={!compose || !page}
          onClick={() =>
            run(() => compose!.insertHtml(linkHtml(t, page!.title, bookingLink(origin, page!.id))))
          }
        >
          {t.insertLink}
        </Button>
        <Button
          disabled={!compose || !page}
          onClick={() =>
            run(async () => {
              const zone = detectZone();
              const from = now ?? new Date();
              const answer = await api.slots(page!.id, {
                start: from.toISOString(),
                end: new Date(from.getTime() + 14 * 86_400_000).toISOString(),
                duration: page!.durations[0]!,
                timeZone: zone,
              });
              if (answer.slots.length === 0) throw new Error(t.noTimes);
              const slots = answer.slots.slice(0, count);
              await compose!.insertHtml(timesHtml(t, { origin, pageId: page!.id, slots, zone, locale }));
            })
          }
        >
          {t.insertTimes}
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
