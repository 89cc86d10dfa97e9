// The Snowball stemmers of nlp.js (which ships no types), as app/models/search/words.ts uses them.
declare module "@nlpjs/lang-en-min/src/stemmer-en.js" {
  export default class StemmerEn {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}
declare module "@nlpjs/lang-fr/src/stemmer-fr.js" {
  export default class StemmerFr {
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}
