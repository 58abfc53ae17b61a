import { createContext, useContext } from 'react';

/** @default 'default' */
export type ThemeName = 'default' | 'dark' | 'contrast';

/** Writing into the message being composed (Outlook compose only). */
export interface ComposeTarget {
  /** Inserts HTML at the cursor, replacing any selection. */
  insertHtml(html: string): Promise<void>;
}

/** Everything a surface needs from the application that hosts it: Outlook, Teams or a plain browser. */
export interface HostContext {
  kind: 'web' | 'teams' | 'outlook';
  /** BCP 47 locale of the viewer. */
  locale: string;
  theme: ThemeName;
  /** Called on every live theme change; answers the unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  /** An access token for the Tandem API (SSO in Teams and Outlook, dev sign-in in a browser). */
  getApiToken(): Promise<string>;
  /** Present only while composing a message in Outlook. */
  compose?: ComposeTarget;
}

export const HostReactContext = createContext<HostContext | undefined>(undefined);

export function useHost(): HostContext {
  const host = useContext(HostReactContext);
  if (!host) throw new Error('useHost needs a HostReactContext provider (set up in the surface main.tsx).');
  return host;
}
