import { useStrings } from '../../../i18n/index.js';
import type { PagePreviewProps } from './PagePreview.types.js';
import { renderPagePreview } from './renderPagePreview.js';
import { usePagePreview } from './usePagePreview.js';
import { usePagePreviewStyles } from './usePagePreviewStyles.styles.js';

/** The slots a drafted page would offer on one day, live, with "why is this time not offered?". */
export function PagePreview(props: PagePreviewProps) {
  const state = usePagePreview(props);
  return renderPagePreview(state, useStrings(), usePagePreviewStyles());
}
