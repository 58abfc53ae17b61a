import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ThemeName } from '../hosts/HostContext.js';

/** The themes of the pages invitees open in any browser. */
export const webThemes: Record<ThemeName, typeof webLightTheme> = {
  default: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};
