// The one error type for requests the app refuses: a status and the catalogue message the person reads.
// Models and guards throw it; routes that can say more (a form's field errors) catch it, and the others
// let it reach the route's ErrorBoundary.
//
// Remix treats a thrown `data(value, { status })` as an error response; it recognises one by its shape
// (`type`, `data`, `init`), so a Refusal carries that shape too and needs no HTTP import in the models.
import { type Message, msg } from "~/utils/messages";

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export class Refusal extends Error {
  readonly type = "DataWithResponseInit";
  readonly data: { message: Message };
  readonly init: { status: RefusalStatus };
  declare readonly message: Message;

  constructor(
    readonly status: RefusalStatus,
    message: Message,
  ) {
    super(message);
    this.name = new.target.name;
    this.data = { message };
    this.init = { status };
  }
}

export function isRefusal(value: unknown): value is Refusal {
  return value instanceof Refusal;
}

/** Unknown id, another workspace's record, a hidden case: 404, whatever the reason, so nothing leaks. */
export function notFound(message: Message = msg("errors.notFound.message")) {
  return new Refusal(404, message);
}

export function forbidden(message: Message = msg("errors.forbidden.message")) {
  return new Refusal(403, message);
}
