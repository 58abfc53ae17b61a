import { useStrings } from '../../i18n/index.js';
import type { MonthCalendarProps } from './MonthCalendar.types.js';
import { renderMonthCalendar } from './renderMonthCalendar.js';
import { useMonthCalendar } from './useMonthCalendar.js';
import { useMonthCalendarStyles } from './useMonthCalendarStyles.styles.js';

/** A month of days; days with free times are marked and selectable, arrow keys move between days. */
export function MonthCalendar(props: MonthCalendarProps) {
  const state = useMonthCalendar(props);
  const classes = useMonthCalendarStyles(state);
  return renderMonthCalendar(state, classes, useStrings().booking);
}
export type { MonthCalendarProps } from './MonthCalendar.types.js';
