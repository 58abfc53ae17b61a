import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';
import type { PageDraft } from '../draft.js';
import { errorProps } from './fieldProps.js';
import { NumberField } from './NumberField.js';

type Rules = PageDraft['rules'];

/** Buffers, minimum notice, start-time interval, booking window and the daily limit. */
export function Limits({ draft, update, error }: PartProps) {
  const t = useStrings().editor;
  const rules = draft.rules;
  const set = (change: Partial<Rules>) => update((p) => ({ ...p, rules: { ...p.rules, ...change } }));
  /** An optional rule: empty removes it (the API's default applies). */
  const setOptional = (key: 'slotIntervalMinutes' | 'maxBookingsPerDay', value: number | undefined) =>
    update((p) => {
      const { [key]: _old, ...rest } = p.rules;
      return { ...p, rules: value === undefined ? rest : { ...rest, [key]: value } };
    });
  const window = rules.window;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <fieldset>
        <legend>{t.timing}</legend>
        <NumberField
          label={t.bufferBefore}
          value={rules.bufferBeforeMinutes}
          min={0}
          step={5}
          error={error('rules.bufferBeforeMinutes')}
          onChange={(n) => set({ bufferBeforeMinutes: n ?? Number.NaN })}
        />
        <NumberField
          label={t.bufferAfter}
          value={rules.bufferAfterMinutes}
          min={0}
          step={5}
          error={error('rules.bufferAfterMinutes')}
          onChange={(n) => set({ bufferAfterMinutes: n ?? Number.NaN })}
        />
        <NumberField
          label={t.notice}
          value={rules.minimumNoticeMinutes}
          min={0}
          error={error('rules.minimumNoticeMinutes')}
          onChange={(n) => set({ minimumNoticeMinutes: n ?? Number.NaN })}
        />
        <NumberField
          label={t.slotInterval}
          value={rules.slotIntervalMinutes}
          min={5}
          step={5}
          error={error('rules.slotIntervalMinutes')}
          onChange={(n) => setOptional('slotIntervalMinutes', n)}
        />
        <NumberField
          label={t.dailyLimit}
          value={rules.maxBookingsPerDay}
          min={1}
          error={error('rules.maxBookingsPerDay')}
          onChange={(n) => setOptional('maxBookingsPerDay', n)}
        />
      </fieldset>
      <fieldset>
        <legend>{t.window}</legend>
        <RadioGroup
          aria-label={t.window}
          value={window.kind}
          onChange={(_, d) =>
            set({
              window:
                d.value === 'fixed'
                  ? { kind: 'fixed', startDate: today, endDate: today }
                  : { kind: 'rolling', days: 60 },
            })
          }
        >
          <Radio value="rolling" label={t.windowRolling} />
          <Radio value="fixed" label={t.windowFixed} />
        </RadioGroup>
        {window.kind === 'rolling' ? (
          <NumberField
            label={t.windowDays}
            value={window.days}
            min={1}
            error={error('rules.window.days') ?? error('rules.window')}
            onChange={(n) => set({ window: { kind: 'rolling', days: n ?? Number.NaN } })}
          />
        ) : (
          <>
            <Field label={t.startDate} {...errorProps(error('rules.window.startDate'))}>
              <Input
                type="date"
                value={window.startDate}
                onChange={(_, d) => set({ window: { ...window, startDate: d.value } })}
              />
            </Field>
            <Field label={t.endDate} {...errorProps(error('rules.window.endDate'))}>
              <Input
                type="date"
                value={window.endDate}
                onChange={(_, d) => set({ window: { ...window, endDate: d.value } })}
              />
            </Field>
          </>
        )}
      </fieldset>
    </>
  );
}
