import { Button, Checkbox, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { Strings } from '../../i18n/index.js';
import { PagePreview } from './PagePreview/PagePreview.js';
import type { PageEditorState } from './PageEditor.types.js';
import { Basics } from './parts/Basics.js';
import { BusyRules } from './parts/BusyRules.js';
import { Durations } from './parts/Durations.js';
import { Limits } from './parts/Limits.js';
import { Location } from './parts/Location.js';
import { Questions } from './parts/Questions.js';
import { TeamMembers } from './parts/TeamMembers.js';
import { WorkingHoursGrid } from './parts/WorkingHoursGrid.js';
import type { EditorExtras } from './usePageEditor.js';
import type { usePageEditorStyles } from './usePageEditorStyles.styles.js';

/** The editor: every rule of the page in sections, the save bar, and the live preview beside them. */
export function renderPageEditor(
  state: PageEditorState & EditorExtras,
  strings: Strings,
  s: ReturnType<typeof usePageEditorStyles>,
) {
  const t = strings.editor;
  const part = { draft: state.draft, update: state.update, error: state.error };
  const save = state.save;
  return (
    <div className={s.root}>
      <form
        className={s.form}
        aria-labelledby="tandem-editor-heading"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          state.onSave();
        }}
      >
        <h2 id="tandem-editor-heading" ref={state.headingRef} tabIndex={-1}>
          {state.page ? t.editTitle(state.page.title) : t.newTitle}
        </h2>
        <fieldset>
          <legend>{t.basics}</legend>
          <Basics {...part} followTitle={state.followTitle} onSlugEdited={state.onSlugEdited} />
          <Durations {...part} />
          <Location {...part} />
        </fieldset>
        <WorkingHoursGrid {...part} zone={state.zone} />
        <BusyRules {...part} />
        <Limits {...part} />
        <Questions {...part} />
        <TeamMembers {...part} />
        <fieldset>
          <legend>{t.confirmation}</legend>
          <Checkbox
            label={t.requiresConfirmation}
            checked={state.draft.requiresConfirmation}
            onChange={(_, d) => state.update((p) => ({ ...p, requiresConfirmation: d.checked === true }))}
          />
        </fieldset>
        {save.state === 'error' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {t.saveFailed} {save.detail}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={s.actions}>
          <Button type="submit" appearance="primary" disabled={save.state === 'saving'}>
            {save.state === 'saving' ? t.saving : t.save}
          </Button>
          <Button type="button" onClick={state.onClose}>
            {t.cancelEdit}
          </Button>
          {save.state === 'saving' && <Spinner size="tiny" aria-hidden />}
          <span role="status">{save.state === 'saved' ? t.saved : ''}</span>
        </div>
      </form>
      <div className={s.preview}>
        <PagePreview
          draft={state.draft}
          pageId={state.page?.id}
          hostId={state.page?.hostId}
          zone={state.zone}
          locale={state.locale}
          onFieldErrors={state.setPreviewErrors}
        />
      </div>
    </div>
  );
}
