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
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { AppHeader } from "~/components/app-header";
import { ErrorPage } from "~/components/error-page";
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
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, toast, locale } = useLoaderData<typeof loader>();
  // After the user changes language (account page, visitor switch), load the new catalogue and re-render.
  useChangeLanguage(locale);
  return (
    <>
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
