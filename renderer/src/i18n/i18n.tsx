// The UI's language: French unless the saved settings say otherwise. Components read strings from here only.
import { createContext, useContext } from 'react';
import type { Language } from '../../../shared/contract/index.ts';
import { en } from './messages-en.ts';
import { fr, type Messages } from './messages-fr.ts';

export const DICTIONARIES: Record<Language, Messages> = { fr, en };

export interface I18n {
  language: Language;
  t: Messages;
}

export const I18nContext = createContext<I18n>({ language: 'fr', t: fr });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
