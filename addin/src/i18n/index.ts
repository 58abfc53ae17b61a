import { createContext, useContext } from 'react';
import { en, type Strings } from './en.js';

/** The strings for a BCP 47 locale; English is complete and the fallback for every other locale. */
export function stringsFor(_locale: string): Strings {
  return en;
}

export const StringsContext = createContext<Strings>(en);
export const useStrings = (): Strings => useContext(StringsContext);
export type { Strings };
