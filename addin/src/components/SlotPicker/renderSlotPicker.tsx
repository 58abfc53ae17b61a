import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
} from '@fluentui/react-components';
import type { Slot } from '../../api/types.js';
import type { Strings } from '../../i18n/index.js';
import { formatDay, formatTime } from '../../time/zones.js';
import { MonthCalendar } from '../MonthCalendar/MonthCalendar.js';
import { ZonePicker } from '../ZonePicker/ZonePicker.js';
import type { SlotPickerState } from './SlotPicker.types.js';
import type { useSlotPickerStyles } from './useSlotPickerStyles.styles.js';

export function renderSlotPicker(
  state: SlotPickerState,
  onPick: (slot: Slot) => void,
  classes: ReturnType<typeof useSlotPickerStyles>,
  t: Strings,
) {
  const b = t.booking;
  const { slots, selectedDate, byDate, zone, locale } = state;
  const daySlots = selectedDate ? (byDate.get(selectedDate) ?? []) : [];
  return (
    <div className={classes.root}>
      <div className={classes.controls}>
        {state.durations.length > 1 && (
          <Field label={b.duration}>
            <RadioGroup
              layout="horizontal"
              value={String(state.duration)}
              onChange={(_, data) => state.setDuration(Number(data.value))}
            >
              {state.durations.map((d) => (
                <Radio key={d} value={String(d)} label={b.minutes(d)} />
              ))}
            </RadioGroup>
          </Field>
        )}
        <ZonePicker zone={zone} onChange={state.setZone} at={new Date()} locale={locale} />
      </div>
      <MonthCalendar
        month={state.month}
        minMonth={state.minMonth}
        available={new Set(byDate.keys())}
        selected={selectedDate}
        onSelect={state.setSelectedDate}
        onMonthChange={state.setMonth}
        locale={locale}
      />
      <section className={classes.slots} aria-busy={slots.status === 'loading'}>
        <h2 className={classes.heading}>
          {selectedDate ? b.slotsFor(formatDay(selectedDate, locale)) : b.chooseDay}
        </h2>
        {slots.status === 'loading' && <Spinner size="small" label={b.loadingTimes} />}
        {slots.status === 'error' && (
          <MessageBar intent="error">
            <MessageBarBody>{slots.error.message}</MessageBarBody>
            <Button appearance="transparent" onClick={state.refresh}>
              {t.retry}
            </Button>
          </MessageBar>
        )}
        {slots.status === 'ready' && state.paused !== undefined && (
          <MessageBar intent="warning">
            <MessageBarBody>{state.paused}</MessageBarBody>
          </MessageBar>
        )}
        {slots.status === 'ready' && state.paused === undefined && byDate.size === 0 && (
          <p>{b.noTimesThisMonth}</p>
        )}
        {slots.status === 'ready' && byDate.size > 0 && daySlots.length === 0 && <p>{b.pickDayFirst}</p>}
        {daySlots.length > 0 && (
          <ul className={classes.list} aria-label={b.slotsFor(formatDay(selectedDate!, locale))}>
            {daySlots.map((slot) => (
              <li key={slot.start}>
                <Button className={classes.slot} onClick={() => onPick(slot)}>
                  {formatTime(slot.start, zone, locale)}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
