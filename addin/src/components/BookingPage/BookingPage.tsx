import { useEffect, useRef } from 'react';
import { useApi } from '../../api/context.js';
import { useStrings } from '../../i18n/index.js';
import { useSlotPicker } from '../SlotPicker/SlotPicker.js';
import type { BookingPageProps } from './BookingPage.types.js';
import { renderBookingPage, renderBookingPageShell } from './renderBookingPage.js';
import { useBookingFlow, usePublicPage } from './useBookingPage.js';
import { useBookingPageStyles } from './useBookingPageStyles.styles.js';

/**
 * The public booking page: pick a time in your zone, give your name and email, get the confirmation.
 * The page and its slots are asked for at the same time: the slots need only the page id, the month
 * and the zone (the duration is the page's first, checked once the page has arrived).
 */
export function BookingPage(props: BookingPageProps) {
  const api = useApi();
  const page = usePublicPage(props.pageId);
  const classes = useBookingPageStyles();
  const t = useStrings();
  const picker = useSlotPicker({
    pageId: page.status === 'error' ? undefined : props.pageId,
    durations: page.status === 'ready' ? page.value.durations : undefined,
    locale: props.locale,
    ...(props.initialZone !== undefined && { initialZone: props.initialZone }),
    ...(props.now !== undefined && { now: props.now }),
  });
  const flow = useBookingFlow({ pageId: props.pageId }, picker);
  const openedLink = useRef(false);
  useEffect(() => {
    if (openedLink.current || !props.initialStart || picker.slots.status !== 'ready') return;
    openedLink.current = true;
    const wanted = Date.parse(props.initialStart);
    const slot = picker.slots.value.find((s) => Date.parse(s.start) === wanted);
    if (slot) flow.pick(slot);
  }, [picker.slots, props.initialStart, flow]);
  if (page.status !== 'ready') return renderBookingPageShell({ page }, classes, t);
  return renderBookingPage(
    page.value,
    { page, picker, ...flow },
    { ics: api.icsUrl, manage: props.manageUrl },
    classes,
    t,
  );
}
export type { BookingPageProps } from './BookingPage.types.js';
