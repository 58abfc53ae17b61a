import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';
import type { QuestionDraft } from '../draft.js';
import { errorProps } from './fieldProps.js';

const kinds = ['shortText', 'longText', 'choice'] as const;
const splitOptions = (text: string) => text.split(',').map((o) => o.trim());

/** A fresh question id, unique on the page (ids start with a letter, as the API requires). */
function freshId(questions: readonly QuestionDraft[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

/** The questions the invitee answers when booking: text, long text or a choice among options. */
export function Questions({ draft, update, error }: PartProps) {
  const t = useStrings().editor;
  const setAt = (i: number, change: (q: QuestionDraft) => QuestionDraft) =>
    update((p) => ({ ...p, questions: p.questions.map((q, j) => (j === i ? change(q) : q)) }));
  return (
    <fieldset>
      <legend>{t.questions}</legend>
      {draft.questions.length === 0 ? <p>{t.noQuestions}</p> : null}
      <ol hidden={draft.questions.length === 0}>
        {draft.questions.map((q, i) => {
          const n = i + 1;
          const at = `questions[${i}]`;
          return (
            <li key={q.id}>
              <Field
                label={t.questionN(n)}
                required
                {...errorProps(error(`${at}.label`) ?? error(`${at}.id`))}
              >
                <Input value={q.label} onChange={(_, d) => setAt(i, (x) => ({ ...x, label: d.value }))} />
              </Field>
              <Field label={t.questionKindN(n)} {...errorProps(error(`${at}.kind`))}>
                <Select
                  value={q.kind}
                  onChange={(_, d) =>
                    setAt(i, ({ options: _o, ...x }) => {
                      const kind = d.value as QuestionDraft['kind'];
                      return kind === 'choice' ? { ...x, kind, options: ['', ''] } : { ...x, kind };
                    })
                  }
                >
                  {kinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t.kinds[kind]}
                    </option>
                  ))}
                </Select>
              </Field>
              {q.kind === 'choice' && (
                <Field
                  label={t.questionOptionsN(n)}
                  {...errorProps(
                    error(`${at}.options`) ??
                      (q.options ?? []).map((_, j) => error(`${at}.options[${j}]`)).find(Boolean),
                  )}
                >
                  <Input
                    value={(q.options ?? []).join(', ')}
                    onChange={(_, d) => setAt(i, (x) => ({ ...x, options: splitOptions(d.value) }))}
                  />
                </Field>
              )}
              <Checkbox
                label={t.questionRequiredN(n)}
                checked={q.required}
                onChange={(_, d) => setAt(i, (x) => ({ ...x, required: d.checked === true }))}
              />
              <Button
                onClick={() => update((p) => ({ ...p, questions: p.questions.filter((_, j) => j !== i) }))}
              >
                {t.removeQuestionN(n)}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        onClick={() =>
          update((p) => ({
            ...p,
            questions: [
              ...p.questions,
              { id: freshId(p.questions), label: '', kind: 'shortText', required: false },
            ],
          }))
        }
      >
        {t.addQuestion}
      </Button>
    </fieldset>
  );
}
