import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { BookingPage } from '../../api/types.js';
import { useHost } from '../../hosts/HostContext.js';
import { useStrings } from '../../i18n/index.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';
import { PagesView } from './PagesView.js';

// Views other than the page list load when first shown (compose actions only in the task pane).
const ComposeActions = lazy(() =>
  import('../ComposeActions/ComposeActions.js').then((m) => ({ default: m.ComposeActions })),
);
const BookingsList = lazy(() =>
  import('../BookingsList/BookingsList.js').then((m) => ({ default: m.BookingsList })),
);
const SyncHealth = lazy(() => import('../SyncHealth/SyncHealth.js').then((m) => ({ default: m.SyncHealth })));

export interface HostAppProps {
  /** Where public pages are served (this site's origin and path). */
  origin: string;
  /** The task pane shows the compose actions; the tab does not. @default false */
  showCompose?: boolean;
}

type View = 'pages' | 'bookings' | 'health';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground1 },
});

/** The host's views in the task pane and the Teams tab. */
export function HostApp({ origin, showCompose = false }: HostAppProps) {
  const t = useStrings();
  const host = useHost();
  const api = useApi();
  const s = useStyles();
  const [view, setView] = useState<View>('pages');
  const [pages, setPages] = useState<Loadable<BookingPage[]>>({ status: 'loading' });
  useEffect(() => {
    api
      .listPages()
      .then((answer) => setPages({ status: 'ready', value: answer.pages }))
      .catch((error: Error) => setPages({ status: 'error', error }));
  }, [api]);

  return (
    <main className={s.root}>
      <h1>{t.appName}</h1>
      {host.kind === 'web' && <p>{t.host.degraded.teamsTheme}</p>}
      {pages.status === 'ready' && showCompose && (
        <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
          <ComposeActions pages={pages.value} compose={host.compose} origin={origin} locale={host.locale} />
        </Suspense>
      )}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)}>
        <Tab value="pages">{t.host.tabs.pages}</Tab>
        <Tab value="bookings">{t.host.tabs.bookings}</Tab>
        <Tab value="health">{t.host.tabs.health}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t.host.tabs[view]}>
        <Suspense fallback={<Spinner label={t.loading} />}>
          {view === 'pages' && (
            <PagesView
              pages={pages}
              onPagesChange={(value) => setPages({ status: 'ready', value })}
              origin={origin}
              locale={host.locale}
            />
          )}
          {view === 'bookings' && <BookingsList locale={host.locale} />}
          {view === 'health' && <SyncHealth locale={host.locale} />}
        </Suspense>
      </div>
    </main>
  );
}
