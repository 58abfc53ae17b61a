import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Booking } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { formatDateTime } from '../../time/zones.js';
import { httpsOnly } from '../../util/safeUrl.js';

export interface ConfirmationProps {
  booking: Booking;
  title: string;
  zone: string;
  locale: string;
  icsUrl: string;
  manageUrl: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** What was booked, with the Teams link when there is one, the .ics and the manage link. */
export function Confirmation({ booking, title, zone, locale, icsUrl, manageUrl }: ConfirmationProps) {
  const t = useStrings().confirmation;
  const s = useStyles();
  // Only a booking the host must approve is a request; a booking held while Outlook catches up is booked.
  const awaitingApproval = booking.awaitingApproval === true && booking.status === 'pending';
  const joinUrl = httpsOnly(booking.location?.joinUrl);
  return (
    <section className={s.root} aria-labelledby="confirmation-heading">
      <h2 id="confirmation-heading" className={s.heading} tabIndex={-1}>
        {awaitingApproval ? t.pending : t.booked}
      </h2>
      <p>{title}</p>
      <p>
        {t.when}: {formatDateTime(booking.start, zone, locale)}
      </p>
      <p>{awaitingApproval ? t.pendingDetail : t.emailed(booking.invitee.email)}</p>
      <div className={s.links}>
        {joinUrl && <Link href={joinUrl}>{t.join}</Link>}
        <Link href={icsUrl} download="booking.ics">
          {t.ics}
        </Link>
        <Link href={manageUrl}>{t.manage}</Link>
      </div>
    </section>
  );
}
