export interface MonthCalendarProps {
  /** YYYY-MM shown. */
  month: string;
  /** Dates (YYYY-MM-DD) that have at least one slot. */
  available: ReadonlySet<string>;
  selected: string | undefined;
  onSelect(date: string): void;
  onMonthChange(month: string): void;
  locale: string;
  /** Earliest month the viewer may go back to. */
  minMonth?: string;
  className?: string;
}

export interface MonthCalendarState {
  monthLabel: string;
  weekdays: string[];
  weeks: {
    date: string | null;
    label: string;
    available: boolean;
    selected: boolean;
    focusable: boolean;
  }[][];
  canGoBack: boolean;
  previous(): void;
  next(): void;
  onKeyDown(event: React.KeyboardEvent<HTMLElement>, date: string): void;
  props: MonthCalendarProps;
}
