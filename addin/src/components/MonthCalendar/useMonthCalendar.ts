import { useStrings } from '../../i18n/index.js';
import { addMonths, formatDay, formatMonth, monthWeeks, weekdayNames } from '../../time/zones.js';
import type { MonthCalendarProps, MonthCalendarState } from './MonthCalendar.types.js';

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function useMonthCalendar(props: MonthCalendarProps): MonthCalendarState {
  const t = useStrings().booking;
  const { month, available, selected, locale } = props;
  const days = monthWeeks(month);
  // One day is in the tab order (roving tabindex): the selected one, else the first available.
  const tabStop =
    (selected && selected.startsWith(month) && selected) ||
    days.flat().find((d) => d && available.has(d)) ||
    undefined;
  const weeks = days.map((week) =>
    week.map((date) => ({
      date,
      label: date ? `${formatDay(date, locale)}${available.has(date) ? `, ${t.daysWithTimes}` : ''}` : '',
      available: !!date && available.has(date),
      selected: !!date && date === selected,
      focusable: !!date && date === tabStop,
    })),
  );
  return {
    monthLabel: formatMonth(month, locale),
    weekdays: weekdayNames(locale),
    weeks,
    canGoBack: !props.minMonth || month > props.minMonth,
    previous: () => props.onMonthChange(addMonths(month, -1)),
    next: () => props.onMonthChange(addMonths(month, 1)),
    onKeyDown(event, date) {
      const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      const target = shiftDate(date, step);
      if (!target.startsWith(month)) {
        props.onMonthChange(target.slice(0, 7));
        return;
      }
      const grid = event.currentTarget.closest('[role="grid"]');
      grid?.querySelector<HTMLElement>(`[data-date="${target}"]`)?.focus();
    },
    props,
  };
}
