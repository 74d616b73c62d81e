// The API the page was started with, for every component below the root.
import { createContext, useContext } from 'react';
import type { VigieApi } from '../../../shared/contract/index.ts';

export const ApiContext = createContext<VigieApi | null>(null);

export function useApi(): VigieApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi outside ApiContext');
  return api;
}
