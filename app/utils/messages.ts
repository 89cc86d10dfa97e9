// Messages that travel from the server to the page (zod errors, model errors, toasts, thrown errors) carry
// a catalogue key and its parameters, never English text; the page translates them in the reader's language.
//
//   server / model / zod:  msg("auth.errors.passwordTooShort", { min: 10 })   → a string
//   component:             const tm = useMessage(); tm(error)                  → "Use at least 10 characters."
//
// `Message` is a branded string: only msg() makes one, and every place where text reaches a person
// (errors, refusals, import reasons, validation messages) asks for a Message, so an English literal
// there is a type error.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type en from "~/locales/en";
import type { DeepKeys, WithoutPluralSuffix } from "~/locales/types";

export type MessageKey = WithoutPluralSuffix<DeepKeys<typeof en>>;
export type MessageParams = Record<string, string | number>;

declare const messageBrand: unique symbol;
/** A catalogue key and its parameters, encoded as one string; made by msg() only. */
export type Message = string & { readonly [messageBrand]: true };

const SEPARATOR = "|";
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

/** Encodes a key and its parameters as one string (zod messages and Error messages are strings). */
export function msg(key: MessageKey, params?: MessageParams): Message {
  return (params ? `${key}${SEPARATOR}${JSON.stringify(params)}` : key) as Message;
}

/**
 * A message that came back as a plain string from a library that only carries strings (zod issues,
 * Error.message): a Message when it is one, else the fallback. Never lets other text through.
 */
export function asMessage(value: string, fallback: Message): Message {
  return decodeMessage(value) ? (value as Message) : fallback;
}

/**
 * Text the server has already written in the reader's language (a toast made of several translated
 * sentences): shown as it is. The one way to make a Message without a key; use it only with `t` output.
 */
export function translated(text: string): Message {
  return text as Message;
}

/** The key and parameters of an encoded message, or null for plain text. */
export function decodeMessage(message: string): { key: MessageKey; params?: MessageParams } | null {
  const at = message.indexOf(SEPARATOR);
  const key = at === -1 ? message : message.slice(0, at);
  if (!KEY.test(key)) return null;
  if (at === -1) return { key: key as MessageKey };
  try {
    const params = JSON.parse(message.slice(at + 1)) as unknown;
    if (params && typeof params === "object")
      return { key: key as MessageKey, params: params as MessageParams };
  } catch {
    // not an encoded message
  }
  return null;
}

/**
 * Whether stored text is a message of one catalogue area (a revision note the app wrote), rather than
 * text a person typed that happens to look like a key.
 */
export function isMessageUnder(value: string, prefix: string): value is Message {
  return decodeMessage(value)?.key.startsWith(prefix) ?? false;
}

/** Translates an encoded message with any `t` (server: getT(request); browser: useTranslation). */
export function translateMessage(t: TFunction, message: string): string {
  const decoded = decodeMessage(message);
  if (!decoded) return message;
  return (t as unknown as (key: string, params?: MessageParams) => string)(decoded.key, decoded.params);
}

/** In a component: const tm = useMessage(); <p>{tm(actionData.error)}</p> */
export function useMessage() {
  const { t } = useTranslation();
  return (message: string) => translateMessage(t, message);
}
