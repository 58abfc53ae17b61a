import {
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { BookingPage } from '../../api/types.js';
import { useHost } from '../../hosts/HostContext.js';
import { useStrings } from '../../i18n/index.js';
import { BookingsList } from '../BookingsList/BookingsList.js';
import { ComposeActions } from '../ComposeActions/ComposeActions.js';
import { bookingLink } from '../ComposeActions/composeHtml.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';
import { SyncHealth } from '../SyncHealth/SyncHealth.js';

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
      {pages.status === 'loading' && <Spinner label={t.loading} />}
      {pages.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{pages.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {pages.status === 'ready' && showCompose && (
        <ComposeActions pages={pages.value} compose={host.compose} origin={origin} locale={host.locale} />
      )}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)}>
        <Tab value="pages">{t.host.tabs.pages}</Tab>
        <Tab value="bookings">{t.host.tabs.bookings}</Tab>
        <Tab value="health">{t.host.tabs.health}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t.host.tabs[view]}>
        {view === 'pages' &&
          pages.status === 'ready' &&
          (pages.value.length === 0 ? (
            <p>{t.host.noPages}</p>
          ) : (
            <ul>
              {pages.value.map((p) => (
                <li key={p.id}>
                  {p.title} — <Link href={bookingLink(origin, p.id)}>{t.host.publicLink}</Link>
                </li>
              ))}
            </ul>
          ))}
        {view === 'bookings' && <BookingsList locale={host.locale} />}
        {view === 'health' && <SyncHealth locale={host.locale} />}
      </div>
    </main>
  );
}
