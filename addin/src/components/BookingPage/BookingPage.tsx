import { useEffect, useRef } from 'react';
import { useApi } from '../../api/context.js';
import type { PublicPage } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { useSlotPicker } from '../SlotPicker/SlotPicker.js';
import type { BookingPageProps } from './BookingPage.types.js';
import { renderBookingPage, renderBookingPageShell } from './renderBookingPage.js';
import { useBookingFlow, usePublicPage } from './useBookingPage.js';
import { useBookingPageStyles } from './useBookingPageStyles.styles.js';

/** The public booking page: pick a time in your zone, give your name and email, get the confirmation. */
export function BookingPage(props: BookingPageProps) {
  const page = usePublicPage(props.pageId);
  const classes = useBookingPageStyles();
  const t = useStrings();
  if (page.status !== 'ready') return renderBookingPageShell({ page }, classes, t);
  return <LoadedBookingPage {...props} page={page.value} />;
}

function LoadedBookingPage(props: BookingPageProps & { page: PublicPage }) {
  const api = useApi();
  const classes = useBookingPageStyles();
  const t = useStrings();
  const picker = useSlotPicker({
    pageId: props.page.id,
    durations: props.page.durations,
    locale: props.locale,
    ...(props.initialZone !== undefined && { initialZone: props.initialZone }),
    ...(props.now !== undefined && { now: props.now }),
  });
  const flow = useBookingFlow({ pageId: props.page.id }, picker);
  const openedLink = useRef(false);
  useEffect(() => {
    if (openedLink.current || !props.initialStart || picker.slots.status !== 'ready') return;
    openedLink.current = true;
    const wanted = Date.parse(props.initialStart);
    const slot = picker.slots.value.find((s) => Date.parse(s.start) === wanted);
    if (slot) flow.pick(slot);
  }, [picker.slots, props.initialStart, flow]);
  return renderBookingPage(
    props.page,
    { page: { status: 'ready', value: props.page }, picker, ...flow },
    { ics: api.icsUrl, manage: props.manageUrl },
    classes,
    t,
  );
}
export type { BookingPageProps } from './BookingPage.types.js';
