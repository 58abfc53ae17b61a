import { Checkbox } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';

type BusyRule = keyof PartProps['draft']['rules']['busyRules'];
const rules: BusyRule[] = ['tentativeBlocks', 'workingElsewhereBlocks', 'privateBlocks'];

/** Which calendar items block a time besides busy and out-of-office (which always do). */
export function BusyRules({ draft, update }: PartProps) {
  const t = useStrings().editor;
  return (
    <fieldset>
      <legend>{t.busyRules}</legend>
      <p>{t.busyAlways}</p>
      {rules.map((rule) => (
        <Checkbox
          key={rule}
          label={t[rule]}
          checked={draft.rules.busyRules[rule]}
          onChange={(_, d) =>
            update((p) => ({
              ...p,
              rules: { ...p.rules, busyRules: { ...p.rules.busyRules, [rule]: d.checked === true } },
            }))
          }
        />
      ))}
    </fieldset>
  );
}
