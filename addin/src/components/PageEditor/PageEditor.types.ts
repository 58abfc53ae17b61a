import type { RefObject } from 'react';
import type { BookingPage, FieldError } from '../../api/types.js';
import type { PageDraft } from './draft.js';

export interface PageEditorProps {
  /** The page to edit; absent: a new page. */
  page?: BookingPage;
  /** The viewer's locale for dates and times. */
  locale: string;
  /** The viewer's zone for the preview. @default the browser's zone */
  zone?: string;
  /** After a create or update succeeded, with the page as the API saved it. */
  onSaved(page: BookingPage): void;
  onClose(): void;
}

/** Changes the draft through a function of the current one (parts never hold a stale copy). */
export type UpdateDraft = (change: (draft: PageDraft) => PageDraft) => void;

/** What every section of the editor gets: the draft, a way to change it, and errors by field path. */
export interface PartProps {
  draft: PageDraft;
  update: UpdateDraft;
  /** The API's sentence for a field path (`rules.bufferBeforeMinutes`), if it refused it. */
  error(field: string): string | undefined;
}

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; detail: string; errors: FieldError[] };

export interface PageEditorState extends PartProps {
  /** The editor's heading, focused when it opens so keyboard and screen-reader users start there. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  page: BookingPage | undefined;
  locale: string;
  zone: string;
  save: SaveState;
  onSave(): void;
  onClose(): void;
  /** Field errors of the latest preview (the API validates the draft on every preview). */
  setPreviewErrors(errors: FieldError[]): void;
}
