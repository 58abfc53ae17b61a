import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { ThemeName } from '../hosts/HostContext.js';

/** The themes of the host views, as Teams and Outlook show them. */
export const teamsThemes: Record<ThemeName, typeof teamsLightTheme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};
