import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PublicPage } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';

export interface BookingFormValues {
  name: string;
  email: string;
  answers: Record<string, string>;
}

export interface BookingFormProps {
  questions: PublicPage['questions'];
  /** What was chosen, in words (shown above the form). */
  summary: string;
  submitting: boolean;
  /** The API's sentence when booking failed for another reason than a taken slot. */
  error?: string;
  /** Field errors the API named (field path → sentence). */
  fieldErrors?: Record<string, string>;
  onSubmit(values: BookingFormValues): void;
  onBack(): void;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Name, email and the page's questions; answers are plain text, shown back only as React text. */
export function BookingForm(props: BookingFormProps) {
  const t = useStrings().booking;
  const s = useStyles();
  const [values, setValues] = useState<BookingFormValues>({ name: '', email: '', answers: {} });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...props.fieldErrors, ...errors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t.required(t.yourName);
    if (!values.email.trim()) found.email = t.required(t.yourEmail);
    else if (!emailShape.test(values.email.trim())) found.email = t.invalidEmail;
    for (const q of props.questions) {
      if (q.required && !values.answers[q.id]?.trim()) found[`answers.${q.id}`] = t.required(q.label);
    }
    setErrors(found);
    if (Object.keys(found).length === 0)
      props.onSubmit({ ...values, name: values.name.trim(), email: values.email.trim() });
  };
  const answer = (id: string, value: string) =>
    setValues((v) => ({ ...v, answers: { ...v.answers, [id]: value } }));

  return (
    <form className={s.form} onSubmit={submit} noValidate aria-label={t.confirm}>
      <p className={s.summary}>{props.summary}</p>
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.yourName} required validationMessage={shown.name}>
        <Input
          autoComplete="name"
          value={values.name}
          onChange={(_, d) => setValues((v) => ({ ...v, name: d.value }))}
        />
      </Field>
      <Field label={t.yourEmail} required validationMessage={shown.email}>
        <Input
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={(_, d) => setValues((v) => ({ ...v, email: d.value }))}
        />
      </Field>
      {props.questions.map((q) => (
        <Field key={q.id} label={q.label} required={q.required} validationMessage={shown[`answers.${q.id}`]}>
          {q.kind === 'longText' ? (
            <Textarea value={values.answers[q.id] ?? ''} onChange={(_, d) => answer(q.id, d.value)} />
          ) : q.kind === 'choice' ? (
            <RadioGroup value={values.answers[q.id] ?? ''} onChange={(_, d) => answer(q.id, d.value)}>
              {(q.options ?? []).map((o) => (
                <Radio key={o} value={o} label={o} />
              ))}
            </RadioGroup>
          ) : (
            <Input value={values.answers[q.id] ?? ''} onChange={(_, d) => answer(q.id, d.value)} />
          )}
        </Field>
      ))}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabled={props.submitting}>
          {props.submitting ? t.booking : t.confirm}
        </Button>
        <Button type="button" onClick={props.onBack}>
          {t.changeTime}
        </Button>
      </div>
    </form>
  );
}
