// Shapes shared by the catalogues. Pure types: importable anywhere without pulling a catalogue in.

/** The same tree of keys as T, every leaf a string: `fr/<area>.ts` ends with `satisfies Catalogue<typeof en>`. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };

/** Every leaf key of a catalogue as a dotted path: "auth.signIn.title". */
export type DeepKeys<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${DeepKeys<T[K]>}`;
}[keyof T & string];

/** "cases.count_one" and "cases.count_other" are called as "cases.count" with { count }. */
export type WithoutPluralSuffix<K extends string> =
  K extends `${infer Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? Base : K;
