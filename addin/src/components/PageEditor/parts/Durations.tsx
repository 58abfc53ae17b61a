import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';
import { errorProps } from './fieldProps.js';

const parse = (text: string): number[] =>
  text
    .split(/[,\s]+/)
    .filter((part) => part !== '')
    .map(Number);

/** The durations offered, typed as minutes ("15, 30, 60"). */
export function Durations({ draft, update, error }: PartProps) {
  const t = useStrings().editor;
  const [text, setText] = useState(draft.durations.join(', '));
  useEffect(() => {
    setText((current) =>
      parse(current).join(',') === draft.durations.join(',') ? current : draft.durations.join(', '),
    );
  }, [draft.durations]);
  const message =
    error('durations') ??
    draft.durations.map((_, i) => error(`durations[${i}]`)).find((m) => m !== undefined);
  return (
    <Field label={t.durations} required {...errorProps(message)}>
      <Input
        value={text}
        inputMode="numeric"
        onChange={(_, d) => {
          setText(d.value);
          update((p) => ({ ...p, durations: parse(d.value) }));
        }}
      />
    </Field>
  );
}
