import { Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { PublicPage } from '../../api/types.js';
import type { Strings } from '../../i18n/index.js';
import { formatDateTime } from '../../time/zones.js';
import { BookingForm } from '../BookingForm/BookingForm.js';
import { Confirmation } from '../Confirmation/Confirmation.js';
import { SlotPicker } from '../SlotPicker/SlotPicker.js';
import type { BookingPageLoadedState, BookingPageState } from './BookingPage.types.js';
import type { useBookingPageStyles } from './useBookingPageStyles.styles.js';

type Classes = ReturnType<typeof useBookingPageStyles>;

export function renderBookingPageShell(state: Pick<BookingPageState, 'page'>, classes: Classes, t: Strings) {
  return (
    <main className={classes.main}>
      {state.page.status === 'loading' && <Spinner label={t.loading} />}
      {state.page.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.page.error.message}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}

export function renderBookingPage(
  page: PublicPage,
  state: BookingPageLoadedState,
  links: { ics(token: string): string; manage(token: string): string },
  classes: Classes,
  t: Strings,
) {
  const { picker } = state;
  return (
    <main className={classes.main}>
      <header>
        <h1 className={classes.title}>{page.title}</h1>
        <p className={classes.meta}>
          {page.team
            ? t.booking.withTeam[page.team.kind](page.hostDisplayName)
            : t.booking.withHost(page.hostDisplayName)}{' '}
          · {t.booking.location[page.location.kind]}
        </p>
      </header>
      {page.description && <p className={classes.description}>{page.description}</p>}
      {page.requiresConfirmation && state.step !== 'done' && <p>{t.booking.requiresConfirmation}</p>}
      {state.notice && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {state.step === 'pick' && <SlotPicker state={picker} onPick={state.pick} />}
      {state.step === 'form' && state.chosen && (
        <BookingForm
          questions={page.questions}
          summary={t.booking.selected(formatDateTime(state.chosen.start, picker.zone, picker.locale))}
          submitting={state.submitting}
          error={state.submitError?.message}
          onSubmit={state.submit}
          onBack={state.back}
        />
      )}
      {state.step === 'done' && state.created && (
        <Confirmation
          booking={state.created.booking}
          title={page.title}
          zone={picker.zone}
          locale={picker.locale}
          icsUrl={links.ics(state.created.manageToken)}
          manageUrl={links.manage(state.created.manageToken)}
        />
      )}
      <footer className={classes.footer}>
        <Link href="privacy.html">{t.legal.privacy}</Link>
        <Link href="terms.html">{t.legal.terms}</Link>
      </footer>
    </main>
  );
}
