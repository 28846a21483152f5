import { createContext, useContext } from 'react';
import { STRINGS, type Lang, type Strings } from './strings';

export const LangContext = createContext<Lang>('zh');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useStrings(): Strings {
  return STRINGS[useContext(LangContext)];
}
