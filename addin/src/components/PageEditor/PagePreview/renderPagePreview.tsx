import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
} from '@fluentui/react-components';
import type { Strings } from '../../../i18n/index.js';
import { formatDateTime, formatTime } from '../../../time/zones.js';
import { explainLines, type ExplainLine } from './explainText.js';
import type { PagePreviewState } from './PagePreview.types.js';
import type { usePagePreviewStyles } from './usePagePreviewStyles.styles.js';

function Lines({ lines }: { lines: ExplainLine[] }) {
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i}>
          {line.text}
          {line.members?.map((m) => (
            <div key={m.who}>
              {m.who}:
              <Lines lines={m.lines} />
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The preview: day and duration, the day's times (each can be explained), and the explanation. */
export function renderPagePreview(
  state: PagePreviewState,
  strings: Strings,
  s: ReturnType<typeof usePagePreviewStyles>,
) {
  const t = strings.editor;
  const time = (start: string) => formatTime(start, state.zone, state.locale);
  const { slots, explained } = state;
  return (
    <section className={s.root} aria-labelledby="tandem-preview-heading">
      <h2 id="tandem-preview-heading">{t.preview}</h2>
      <p>{t.previewIntro}</p>
      <div className={s.controls}>
        <Field label={t.previewDay}>
          <Input type="date" value={state.day} onChange={(_, d) => d.value && state.setDay(d.value)} />
        </Field>
        {state.durations.length > 1 && (
          <Field label={t.previewDuration}>
            <Select value={String(state.duration)} onChange={(_, d) => state.setDuration(Number(d.value))}>
              {state.durations.map((n) => (
                <option key={n} value={n}>
                  {strings.booking.minutes(n)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div role="status" aria-live="polite">
        {state.updating ? (
          <Spinner size="tiny" label={t.previewUpdating} />
        ) : slots.status === 'ready' ? (
          slots.value.length === 0 ? (
            t.previewEmpty
          ) : (
            t.previewCount(slots.value.length)
          )
        ) : slots.status === 'invalid' ? (
          t.previewInvalid
        ) : null}
      </div>
      {slots.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{slots.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {slots.status === 'ready' && (
        <div role="group" aria-label={t.previewGrid} className={s.grid}>
          {state.times.map(({ start, offered }) => (
            <Button
              key={start}
              size="small"
              appearance={offered ? 'primary' : 'subtle'}
              aria-label={offered ? t.timeOffered(time(start)) : t.timeNotOffered(time(start))}
              aria-pressed={explained?.start === start}
              onClick={() => state.explain(start)}
            >
              <span className={offered ? undefined : s.notOffered}>{time(start)}</span>
            </Button>
          ))}
        </div>
      )}
      {explained && (
        <div className={s.explanation} aria-live="polite">
          <h3>
            {explained.answer.status === 'ready' && explained.answer.value.bookable
              ? formatDateTime(explained.start, state.zone, state.locale)
              : t.whyTimeHeading(formatDateTime(explained.start, state.zone, state.locale))}
          </h3>
          {explained.answer.status === 'loading' && <Spinner size="tiny" label={t.explaining} />}
          {explained.answer.status === 'error' && (
            <MessageBar intent="error">
              <MessageBarBody>{explained.answer.error.message}</MessageBarBody>
            </MessageBar>
          )}
          {explained.answer.status === 'ready' &&
            (explained.answer.value.reasons.length === 0 ? (
              <p>{t.bookable}</p>
            ) : (
              <Lines
                lines={explainLines(explained.answer.value.reasons, t.reasons, {
                  zone: state.zone,
                  locale: state.locale,
                  hostId: state.hostId,
                })}
              />
            ))}
        </div>
      )}
    </section>
  );
}
