import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { BookingPage } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { bookingLink } from '../ComposeActions/composeHtml.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

// The editor is the largest view: it loads when a page is opened, not with the task pane.
const PageEditor = lazy(() => import('../PageEditor/PageEditor.js').then((m) => ({ default: m.PageEditor })));

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
});

export interface PagesViewProps {
  pages: Loadable<BookingPage[]>;
  /** The list after a page was saved or deleted. */
  onPagesChange(pages: BookingPage[]): void;
  origin: string;
  locale: string;
}

type Notice = { intent: 'success' | 'error'; text: string } | undefined;

/** The host's booking pages: create, edit, copy the public link, delete (after a confirmation). */
export function PagesView({ pages, onPagesChange, origin, locale }: PagesViewProps) {
  const strings = useStrings();
  const t = strings.host;
  const api = useApi();
  const s = useStyles();
  const [editing, setEditing] = useState<BookingPage | 'new' | undefined>();
  const [deleting, setDeleting] = useState<BookingPage | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [manualCopy, setManualCopy] = useState<string | undefined>();

  if (pages.status === 'loading') return <Spinner label={strings.loading} />;
  if (pages.status === 'error')
    return (
      <MessageBar intent="error">
        <MessageBarBody>{pages.error.message}</MessageBarBody>
      </MessageBar>
    );
  const list = pages.value;

  if (editing)
    return (
      <Suspense fallback={<Spinner label={strings.loading} />}>
        <PageEditor
          {...(editing !== 'new' && { page: editing })}
          locale={locale}
          onSaved={(saved) => onPagesChange([...list.filter((p) => p.id !== saved.id), saved])}
          onClose={() => setEditing(undefined)}
        />
      </Suspense>
    );

  const copy = (page: BookingPage) => {
    const link = bookingLink(origin, page.id);
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) return setManualCopy(link);
    clipboard
      .writeText(link)
      .then(() => {
        setManualCopy(undefined);
        setNotice({ intent: 'success', text: t.linkCopied(page.title) });
      })
      .catch(() => setManualCopy(link));
  };
  const remove = (page: BookingPage) => {
    api
      .deletePage(page.id, page.etag)
      .then(() => {
        setDeleting(undefined);
        setNotice({ intent: 'success', text: t.deleted(page.title) });
        onPagesChange(list.filter((p) => p.id !== page.id));
      })
      .catch((e: Error) => {
        setDeleting(undefined);
        setNotice({ intent: 'error', text: e.message });
      });
  };

  return (
    <>
      <Button appearance="primary" onClick={() => setEditing('new')}>
        {t.newPage}
      </Button>
      <div role="status">
        {notice?.intent === 'success' && notice.text}
        {manualCopy && (
          <Field label={t.copyThisLink}>
            <Input readOnly value={manualCopy} onFocus={(e) => e.currentTarget.select()} />
          </Field>
        )}
      </div>
      {notice?.intent === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {list.length === 0 ? (
        <p>{t.noPages}</p>
      ) : (
        <ul className={s.list} aria-label={t.tabs.pages}>
          {list.map((p) => (
            <li key={p.id} className={s.item}>
              <span className={s.title}>{p.title}</span>
              <Link href={bookingLink(origin, p.id)} target="_blank" aria-label={t.openLinkOf(p.title)}>
                {t.publicLink}
              </Link>
              <Button size="small" aria-label={t.editOf(p.title)} onClick={() => setEditing(p)}>
                {t.edit}
              </Button>
              <Button size="small" aria-label={t.copyLinkOf(p.title)} onClick={() => copy(p)}>
                {t.copyLink}
              </Button>
              <Button size="small" aria-label={t.deleteOf(p.title)} onClick={() => setDeleting(p)}>
                {t.delete}
              </Button>
              {deleting?.id === p.id && (
                <div role="alertdialog" aria-label={t.deleteOf(p.title)}>
                  <p>{t.confirmDelete(p.title)}</p>
                  <Button appearance="primary" onClick={() => remove(p)}>
                    {t.deleteConfirm}
                  </Button>{' '}
                  <Button onClick={() => setDeleting(undefined)}>{t.keep}</Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
