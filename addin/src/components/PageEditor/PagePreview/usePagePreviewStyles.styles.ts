import { makeStyles, tokens } from '@fluentui/react-components';

export const usePagePreviewStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(6.5em, 1fr))',
    gap: tokens.spacingHorizontalXS,
  },
  notOffered: {
    color: tokens.colorNeutralForeground3,
    textDecorationLine: 'line-through',
    '@media (forced-colors: active)': { color: 'GrayText' },
  },
  explanation: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});
