import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'minmax(280px, 1fr) minmax(200px, 1fr)',
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, gridColumn: '1 / -1' },
  slots: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '420px',
    overflowY: 'auto',
  },
  slot: { width: '100%' },
});

export function useSlotPickerStyles(className?: string) {
  const s = useStyles();
  return { ...s, root: mergeClasses(s.root, className) };
}
