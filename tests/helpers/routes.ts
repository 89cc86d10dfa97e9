// Calls a route module's loader or action the way Remix would, and reports the HTTP status it produces.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

export type RouteResult = { status: number; location: string | null; body: unknown };

function isDataWithInit(value: unknown): value is { type: string; data: unknown; init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: string }).type === "DataWithResponseInit"
  );
}

function normalize(value: unknown): RouteResult {
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location"), body: null };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: headers.get("Location"), body: value.data };
  }
  return { status: 200, location: null, body: value };
}

export async function callRoute(
  route: RouteModule,
  options: {
    method?: "GET" | "POST";
    path: string;
    params?: Record<string, string>;
    cookie?: string;
    form?: Record<string, string>;
  },
): Promise<RouteResult> {
  const method = options.method ?? "GET";
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (method === "POST") {
    body = new URLSearchParams(options.form ?? {});
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const request = new Request(`http://localhost${options.path}`, { method, headers, body });
  const handler = method === "GET" ? route.loader : route.action;
  if (!handler) return { status: 405, location: null, body: null };
  try {
    return normalize(await handler({ request, params: options.params ?? {}, context: { cspNonce: "" } }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalize(thrown);
    throw thrown;
  }
}
