import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { errorProps } from './fieldProps.js';

export interface NumberFieldProps {
  label: string;
  /** `undefined` is an empty field (an optional rule left unset). */
  value: number | undefined;
  /** The number typed; `undefined` when empty, `NaN` when it is not a number (the API names it). */
  onChange(value: number | undefined): void;
  error?: string | undefined;
  min?: number;
  step?: number;
  hint?: string;
}

/** A labelled number input that keeps what is typed while it is not yet a number. */
export function NumberField({ label, value, onChange, error, min, step, hint }: NumberFieldProps) {
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  useEffect(() => {
    // Follow a change made elsewhere (a reset, a loaded page); keep what is typed while it means the value.
    setText((current) => {
      const typed = current.trim() === '' ? undefined : Number(current);
      const same = typed === value || (Number.isNaN(typed) && Number.isNaN(value));
      return same || value === undefined ? current : String(value);
    });
  }, [value]);
  return (
    <Field label={label} {...(hint && { hint })} {...errorProps(error)}>
      <Input
        type="number"
        inputMode="numeric"
        value={text}
        {...(min !== undefined && { min })}
        {...(step !== undefined && { step })}
        onChange={(_, d) => {
          setText(d.value);
          onChange(d.value.trim() === '' ? undefined : Number(d.value));
        }}
      />
    </Field>
  );
}
