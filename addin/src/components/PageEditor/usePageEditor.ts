import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/context.js';
import type { BookingPage, FieldError } from '../../api/types.js';
import { detectZone } from '../../time/zones.js';
import { draftOf, errorsByField, newDraft, type PageDraft } from './draft.js';
import type { PageEditorProps, PageEditorState, SaveState, UpdateDraft } from './PageEditor.types.js';

/** A new page's link name follows its title until the host types one. */
export interface EditorExtras {
  followTitle: boolean;
  onSlugEdited(): void;
}

/**
 * The editor's state: the draft (a whole page body), saving it (create, or update with If-Match), and
 * the API's field errors from the last save and the last preview, looked up by field path.
 */
export function usePageEditor(props: PageEditorProps): PageEditorState & EditorExtras {
  const api = useApi();
  const [page, setPage] = useState<BookingPage | undefined>(props.page);
  const [draft, setDraft] = useState<PageDraft>(() => (props.page ? draftOf(props.page) : newDraft()));
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [previewErrors, setPreviewErrors] = useState<FieldError[]>([]);
  const [slugEdited, setSlugEdited] = useState(props.page !== undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const update: UpdateDraft = useCallback((change) => {
    setDraft(change);
    setSave((s) => (s.state === 'saving' ? s : { state: 'idle' }));
  }, []);

  const errors = useMemo(() => {
    const fromSave = save.state === 'error' ? errorsByField(save.errors) : new Map<string, string>();
    const fromPreview = errorsByField(previewErrors, 'page.');
    return new Map([...fromPreview, ...fromSave]);
  }, [save, previewErrors]);

  const onSave = () => {
    setSave({ state: 'saving' });
    const call = page ? api.updatePage(page.id, draft, page.etag) : api.createPage(draft);
    call
      .then((saved) => {
        setPage(saved);
        setSave({ state: 'saved' });
        props.onSaved(saved);
      })
      .catch((error: Error) =>
        setSave({
          state: 'error',
          detail: error.message,
          errors: error instanceof ApiError ? error.fieldErrors : [],
        }),
      );
  };

  return {
    headingRef,
    page,
    draft,
    update,
    error: (field) => errors.get(field),
    locale: props.locale,
    zone: props.zone ?? detectZone(),
    save,
    onSave,
    onClose: props.onClose,
    setPreviewErrors,
    followTitle: !slugEdited,
    onSlugEdited: () => setSlugEdited(true),
  };
}
