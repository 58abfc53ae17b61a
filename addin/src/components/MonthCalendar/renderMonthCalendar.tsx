import { Button } from '@fluentui/react-components';
import type { Strings } from '../../i18n/index.js';
import type { MonthCalendarState } from './MonthCalendar.types.js';
import type { useMonthCalendarStyles } from './useMonthCalendarStyles.styles.js';

export function renderMonthCalendar(
  state: MonthCalendarState,
  classes: ReturnType<typeof useMonthCalendarStyles>,
  t: Strings['booking'],
) {
  return (
    <div className={classes.root}>
      <div className={classes.header}>
        <Button
          appearance="subtle"
          onClick={state.previous}
          disabled={!state.canGoBack}
          aria-label={t.previousMonth}
        >
          ‹
        </Button>
        <h2 className={classes.title} aria-live="polite">
          {state.monthLabel}
        </h2>
        <Button appearance="subtle" onClick={state.next} aria-label={t.nextMonth}>
          ›
        </Button>
      </div>
      <table role="grid" aria-label={`${t.chooseDay}, ${state.monthLabel}`} className={classes.grid}>
        <thead>
          <tr>
            {state.weekdays.map((d) => (
              <th key={d} scope="col" className={classes.weekday}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {state.weeks.map((week, i) => (
            <tr key={i}>
              {week.map((cell, j) => (
                <td key={j} role="gridcell" aria-selected={cell.date ? cell.selected : undefined}>
                  {cell.date && (
                    <button
                      type="button"
                      data-date={cell.date}
                      className={classes.day(cell.available, cell.selected)}
                      aria-label={cell.label}
                      aria-disabled={!cell.available}
                      aria-pressed={cell.selected}
                      tabIndex={cell.focusable ? 0 : -1}
                      onClick={() => cell.available && state.props.onSelect(cell.date!)}
                      onKeyDown={(e) => state.onKeyDown(e, cell.date!)}
                    >
                      {Number(cell.date.slice(8))}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
