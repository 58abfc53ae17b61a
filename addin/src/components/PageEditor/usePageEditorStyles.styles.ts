import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(18em, 2fr)' },
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '& fieldset': {
      display: 'flex',
      flexDirection: 'column',
      gap: tokens.spacingVerticalS,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: tokens.spacingHorizontalM,
      margin: 0,
    },
    '& legend': { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
    // Buttons keep their own width; number and time inputs need no full line.
    '& fieldset button': { alignSelf: 'flex-start' },
    '& input[type="number"], & input[type="time"], & input[type="date"]': { maxWidth: '12em' },
    '& ol': { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    position: 'sticky',
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  preview: { alignSelf: 'start', '@media (min-width: 900px)': { position: 'sticky', top: 0 } },
});

export function usePageEditorStyles(className?: string) {
  const s = useStyles();
  return { ...s, root: mergeClasses(s.root, className) };
}
