import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/utils/auth.server";

export async function loader() {
  // Signing out changes state: it is a POST only, so a link or an image cannot sign anyone out.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  return redirect("/sign-in", { headers: { "Set-Cookie": cookie } });
}
