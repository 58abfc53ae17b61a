import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MonthCalendarState } from './MonthCalendar.types.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  grid: { borderCollapse: 'collapse', width: '100%' },
  weekday: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, fontWeight: 'normal' },
  day: {
    width: '40px',
    height: '40px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForegroundDisabled,
    fontSize: tokens.fontSizeBase300,
    cursor: 'default',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  available: {
    color: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
    '@media (forced-colors: active)': { border: '1px solid ButtonText', color: 'ButtonText' },
  },
  selected: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    '@media (forced-colors: active)': {
      backgroundColor: 'Highlight',
      color: 'HighlightText',
      forcedColorAdjust: 'none',
    },
  },
});

export function useMonthCalendarStyles(state: MonthCalendarState) {
  const s = useStyles();
  return {
    root: mergeClasses(s.root, state.props.className),
    header: s.header,
    title: s.title,
    grid: s.grid,
    weekday: s.weekday,
    day: (available: boolean, selected: boolean) =>
      mergeClasses(s.day, available && s.available, selected && s.selected),
  };
}
