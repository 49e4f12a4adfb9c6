// A feature's UI strings in every language, side by side in one `strings.ts` next to the feature's
// components. The English table defines the keys and the shape of each entry; TypeScript then
// refuses a translation that misses a key, has an extra one, or takes other arguments, so every
// catalogue is complete by construction. Entries that need values are functions (plurals too:
// `files: (n: number) => (n === 1 ? '1 file' : `${n} files`)`).
import { currentLanguage, useLanguage } from './current';
import type { Lang } from './languages';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any argument list: each entry fixes its own
type Entry = string | ((...args: any[]) => string);
export type Strings = Record<string, Entry>;
export type Catalog<T extends Strings> = Record<Lang, T>;
/** An entry's shape as every language must give it: any text, or a function of the same arguments giving text. */
type Shape<T extends Strings> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const catalogs: Catalog<Strings>[] = [];

/** One feature's strings: English first (it fixes the keys), then each other language. */
export function defineStrings<T extends Strings>(
  en: T,
  translations: Record<Exclude<Lang, 'en'>, NoInfer<Shape<T>>>,
): Catalog<Shape<T>> {
  const catalog = { en, ...translations } as unknown as Catalog<Shape<T>>;
  catalogs.push(catalog as unknown as Catalog<Strings>);
  return catalog;
}

/** Every catalogue defined so far (the completeness test reads them). */
export function definedCatalogs(): readonly Catalog<Strings>[] {
  return catalogs;
}

/** The feature's strings in the language shown now; the component re-renders when it changes. */
export function useStrings<T extends Strings>(catalog: Catalog<T>): T {
  return catalog[useLanguage()];
}

/** The same outside React (a store building a message): read at the moment of the call. */
export function stringsNow<T extends Strings>(catalog: Catalog<T>): T {
  return catalog[currentLanguage()];
}
