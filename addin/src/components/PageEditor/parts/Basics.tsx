import { Field, Input, Textarea } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/index.js';
import type { PartProps } from '../PageEditor.types.js';
import { slugOf } from '../draft.js';
import { errorProps } from './fieldProps.js';

/** Title, link name (suggested from the title until edited) and description. */
export function Basics({
  draft,
  update,
  error,
  followTitle,
  onSlugEdited,
}: PartProps & { followTitle: boolean; onSlugEdited(): void }) {
  const t = useStrings().editor;
  return (
    <>
      <Field label={t.title} required {...errorProps(error('title'))}>
        <Input
          value={draft.title}
          onChange={(_, d) =>
            update((p) => ({ ...p, title: d.value, ...(followTitle && { slug: slugOf(d.value) }) }))
          }
        />
      </Field>
      <Field label={t.slug} hint={t.slugHint} required {...errorProps(error('slug'))}>
        <Input
          value={draft.slug}
          onChange={(_, d) => {
            onSlugEdited();
            update((p) => ({ ...p, slug: d.value }));
          }}
        />
      </Field>
      <Field label={t.description} {...errorProps(error('description'))}>
        <Textarea
          value={draft.description}
          resize="vertical"
          onChange={(_, d) => update((p) => ({ ...p, description: d.value }))}
        />
      </Field>
    </>
  );
}
