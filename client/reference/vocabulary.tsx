import { createContext, type ReactNode, useContext } from 'react';
import { fetchVocabulary, type Vocabulary } from '../api';
import { RequestCache, useRequest } from './useRequest';

/** Before the vocabulary has come (or if it could not be loaded): every label falls back to its id. */
export const EMPTY_VOCABULARY: Vocabulary = {
  groups: [],
  flags: [],
  weapons: [],
  settings: [],
  placeTypes: [],
  roles: [],
  sources: [],
  hotspotClasses: [],
  changeClasses: [],
};

const cache = new RequestCache<Vocabulary>();
const VocabularyContext = createContext<Vocabulary>(EMPTY_VOCABULARY);

/** Loads the server's vocabulary once a user is signed in (it is the same for everyone, so it is kept). */
export function useVocabularyRequest(signedIn: boolean) {
  return useRequest(signedIn ? 'vocabulary' : null, (_: string, signal) => fetchVocabulary(signal), 'the vocabulary', {
    cache,
  });
}

/** Gives every page the vocabulary Root loaded. */
export function VocabularyProvider({ value, children }: { value: Vocabulary; children: ReactNode }) {
  return <VocabularyContext value={value}>{children}</VocabularyContext>;
}

/** The labels the server gives every value it names (groups, roles, place types, classes...). */
export function useVocabulary(): Vocabulary {
  return useContext(VocabularyContext);
}

/** The label of an id in one of the vocabulary's lists, or the id itself when the list lacks it. */
export function labelOf(list: readonly { id: string; label: string }[], id: string): string {
  return list.find((entry) => entry.id === id)?.label ?? id;
}

/** A Gi* class's label ("Hot spot, 99% confidence"), or '' for a class the list lacks. */
export function hotspotClassLabel(classes: Vocabulary['hotspotClasses'], value: number): string {
  return classes.find((c) => c.value === value)?.label ?? '';
}

/** A label's name without its explanation: "New" of "New: none before, significantly more now". */
export function shortLabel(label: string): string {
  return label.split(':')[0]!;
}

/** A change class's name ("Increasing"), for tables and summaries. */
export function useChangeClassName(): (id: string) => string {
  const { changeClasses } = useVocabulary();
  return (id: string) => shortLabel(labelOf(changeClasses, id));
}
