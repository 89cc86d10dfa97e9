import { randomBytes } from "node:crypto";
import { createCookieSessionStorage } from "@remix-run/node";
import type { Message } from "~/utils/messages";

// One-shot messages ("Case moved to trash") carried across a redirect. A restart only loses a pending message.
const storage = createCookieSessionStorage({
  cookie: {
    name: "casebook_toast",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [process.env.SESSION_SECRET || randomBytes(32).toString("hex")],
    secure: process.env.COOKIE_SECURE === "1",
  },
});

export type Toast = { kind: "success" | "error"; message: Message };

export async function setToast(request: Request, toast: Toast) {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("toast", toast);
  return storage.commitSession(session);
}

export async function readToast(
  request: Request,
): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  return { toast, setCookie: toast ? await storage.commitSession(session) : null };
}

/** A redirect that shows a toast on the next page. */
export async function redirectWithToast(
  request: Request,
  url: string,
  toast: Toast,
  headers: HeadersInit = {},
) {
  const merged = new Headers(headers);
  merged.append("Set-Cookie", await setToast(request, toast));
  merged.set("Location", url);
  return new Response(null, { status: 302, headers: merged });
}
