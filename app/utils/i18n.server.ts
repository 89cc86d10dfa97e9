// Which language a request is answered in, decided here and nowhere else:
// the signed-in user's setting (users.locale), else the default an owner set for the workspace (the one in
// the address, else the one they used last), else the `lng` cookie a visitor set with the language switch,
// else the browser's Accept-Language, else English.
import { createCookie } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { resources } from "~/locales";
import { LOCALES, type Locale } from "~/models/domain";
import { memberships, workspaces } from "../../db/schema";
import { getUser } from "./auth.server";
import { db } from "./db.server";
import { DEFAULT_LOCALE, i18nOptions, isLocale } from "./i18n";
import { type Message, type MessageKey, translateMessage } from "./messages";

export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.COOKIE_SECURE === "1",
  maxAge: 365 * 24 * 3600,
});

const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["custom", "cookie", "header"],
    findLocale: async (request) => {
      const user = await getUser(request);
      if (!user) return null;
      return user.locale ?? workspaceLocale(user.id, workspaceIdOf(request) ?? user.lastWorkspaceId);
    },
  },
  i18next: { ...i18nOptions, resources },
});

/** The workspace in the address (/w/<id>/…), if any. */
function workspaceIdOf(request: Request): string | null {
  return /^\/w\/([a-z0-9]{8,40})(?:\/|$)/.exec(new URL(request.url).pathname)?.[1] ?? null;
}

/** The default interface language an owner set for this workspace, for one of its members. */
function workspaceLocale(userId: string, workspaceId: string | null): Locale | null {
  if (!workspaceId) return null;
  const found = db
    .select({ locale: workspaces.defaultLocale })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .get();
  return found?.locale ?? null;
}

const resolved = new WeakMap<Request, Promise<Locale>>();

/** The request's language (computed once per request). */
export function getLocale(request: Request): Promise<Locale> {
  let locale = resolved.get(request);
  if (!locale) {
    locale = remixI18n.getLocale(request).then((value) => (isLocale(value) ? value : DEFAULT_LOCALE));
    resolved.set(request, locale);
  }
  return locale;
}

/** A `t` for loaders and actions: meta titles, toasts, messages built on the server. */
export async function getT(request: Request) {
  return translatorFor(await getLocale(request));
}

/** The i18next instance entry.server.tsx renders a page with: only that language's catalogue. */
export function createServerI18n(locale: Locale): i18n {
  const instance = createInstance();
  instance.use(initReactI18next).init({
    ...i18nOptions,
    lng: locale,
    resources: { [locale]: resources[locale] },
    initImmediate: false, // resources are in memory: initialise synchronously
  });
  return instance;
}

const translators = new Map<Locale, TFunction>();

/**
 * A `t` for a language already decided (mail to a member, an answer written outside Remix); made once per
 * language, synchronous.
 */
export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createServerI18n(locale).t;
    translators.set(locale, t);
  }
  return t;
}

/** The Set-Cookie header that remembers a visitor's language choice. */
export function serializeLocaleCookie(locale: Locale) {
  return localeCookie.serialize(locale);
}

/** "Account · Mediation Casebook" in the request's language, for a loader's `pageTitle` (see utils/meta.ts). */
export async function getPageTitle(request: Request, key: MessageKey) {
  const t = await getT(request);
  return t("common.pageTitle", { title: translateMessage(t, key) });
}

const fixed = new Map<Locale, i18n>();

/**
 * A message in a given language, for text the server writes into stored data in the writer's language
 * (a workspace import): never English by default.
 */
export function translate(locale: Locale, message: Message): string {
  let instance = fixed.get(locale);
  if (!instance) {
    instance = createServerI18n(locale);
    fixed.set(locale, instance);
  }
  return translateMessage(instance.t, message);
}
