// Must stay the first import: see the file.
import "~/utils/csp-client";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { AppHeader } from "~/components/app-header";
import { ErrorPage } from "~/components/error-page";
import { ShortcutsHelp } from "~/components/shortcuts-help";
import { ToastMessage } from "~/components/toast";
import stylesheet from "~/styles/app.css?url";
import { getUser } from "~/utils/auth.server";
import { useLocale } from "~/utils/format";
import { getLocale } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";
import { readToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { toast, setCookie } = await readToast(request);
  const locale = await getLocale(request);
  return data({ user, toast, locale }, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const { t } = useTranslation();
  // The root loader's locale; when the root loader failed (error page), the language already loaded.
  const fallback = useLocale();
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? fallback;
  // A marker that the page has hydrated: browser tests wait for it before leaving the page.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("common.skipToContent")}
        </a>
        <ShortcutsHelp />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * After a move to another page inside the app (no full load), the focus would be lost with what was
 * clicked or pressed in the page that is gone: it goes back to the start of the new page, as a full load
 * does (the next Tab reaches "Skip to content"), and the new page's title is announced.
 */
function useNewPageFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  const [announced, setAnnounced] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A field the new page focused itself, or a link of the header that stayed, keeps the focus.
    const active = document.activeElement;
    const body = document.body;
    if (!active || active === body || !active.isConnected) {
      body.setAttribute("tabindex", "-1");
      body.focus({ preventScroll: true });
      body.removeAttribute("tabindex");
    }
    // The title is set by the new page's meta a moment after the location changes.
    const frame = requestAnimationFrame(() => setAnnounced(document.title));
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return announced;
}

export default function App() {
  const { user, toast, locale } = useLoaderData<typeof loader>();
  // After the user changes language (account page, visitor switch), load the new catalogue and re-render.
  useChangeLanguage(locale);
  const announced = useNewPageFocus();
  return (
    <>
      <p className="visually-hidden page-announcer" role="status" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
      <AppHeader user={user} />
      <ToastMessage toast={toast} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <>
      <AppHeader user={null} />
      <ErrorPage error={error} />
    </>
  );
}
