// The visitors' language switch (sign-in and sign-up pages): remembers the choice in the `lng` cookie.
// Signed-in people choose on the account page (users.locale), which wins over this cookie.
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/models/auth-forms";
import { LOCALES } from "~/models/domain";
import { serializeLocaleCookie } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";

const localeSchema = z.object({
  locale: z.enum(LOCALES, { error: msg("account.language.invalid") }),
  redirectTo: z.string().optional(),
});

export async function loader() {
  // Changing the language is a POST only.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = localeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: msg("account.language.invalid") }, { status: 400 });
  return redirect(safeRedirect(parsed.data.redirectTo, "/sign-in"), {
    headers: { "Set-Cookie": await serializeLocaleCookie(parsed.data.locale) },
  });
}
