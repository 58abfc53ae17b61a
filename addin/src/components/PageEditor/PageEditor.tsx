import { useStrings } from '../../i18n/index.js';
import type { PageEditorProps } from './PageEditor.types.js';
import { renderPageEditor } from './renderPageEditor.js';
import { usePageEditor } from './usePageEditor.js';
import { usePageEditorStyles } from './usePageEditorStyles.styles.js';

/** Creates or edits a booking page: every rule of the engine, a live preview, save with If-Match. */
export function PageEditor(props: PageEditorProps) {
  const state = usePageEditor(props);
  return renderPageEditor(state, useStrings(), usePageEditorStyles());
}

export type { PageEditorProps } from './PageEditor.types.js';
