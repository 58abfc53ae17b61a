import { useStrings } from '../../i18n/index.js';
import type { SlotPickerProps } from './SlotPicker.types.js';
import { renderSlotPicker } from './renderSlotPicker.js';
import { useSlotPickerStyles } from './useSlotPickerStyles.styles.js';

/** Duration, zone, month calendar and the chosen day's times; the state comes from useSlotPicker. */
export function SlotPicker({ state, onPick, className }: SlotPickerProps) {
  const classes = useSlotPickerStyles(className);
  return renderSlotPicker(state, onPick, classes, useStrings());
}
export { useSlotPicker } from './useSlotPicker.js';
export type { SlotPickerState } from './SlotPicker.types.js';
