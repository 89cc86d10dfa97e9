import { generateIdFromEntropySize } from "lucia";

/** Random, unguessable ids (80 bits, base32): an id seen in one workspace tells nothing about another. */
export function newId() {
  return generateIdFromEntropySize(10);
}
