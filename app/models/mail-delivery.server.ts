// The mail worker: one loop in the server process (started by server.ts through entry.server.tsx) that
// queues due digests and sends what is due, one mail at a time, retrying temporary failures with growing
// waits. Tests call deliverDueMail() and queueDueDigests() directly with the time they want.
import { and, asc, eq, lte } from "drizzle-orm";
import { composeMail } from "~/models/mail-messages.server";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, registerMailWorker } from "~/models/mail-queue.server";
import { queueDueDigests } from "~/models/notifications.server";
import { db } from "~/utils/db.server";
import { deliverMail, isPermanentFailure } from "~/utils/mailer.server";
import { msg } from "~/utils/messages";
import { mailOutbox } from "../../db/schema";

const BATCH = 20;

/** Network-level failures (nothing was said by a mail server) get their own words. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EDNS",
  "ENOTFOUND",
  "ESOCKET",
  "ECONNECTION",
]);

function failureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 200);
  return typeof code === "string" && UNREACHABLE.has(code)
    ? msg("mail.reasons.unreachable", { detail })
    : msg("mail.reasons.smtp", { detail });
}

/** How long a mail being sent is left to the process that claimed it. */
const CLAIM_MS = 5 * 60 * 1000;

export type DeliveryRound = { sent: number; failed: number; retrying: number; cancelled: number };

/** Sends the mail due at `now` (at most `limit` of them); returns what happened to them. */
export async function deliverDueMail(now = new Date(), limit = BATCH): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, failed: 0, retrying: 0, cancelled: 0 };
  const due = db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "queued"), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(limit)
    .all();
  for (const row of due) {
    let composed: ReturnType<typeof composeMail> | null;
    try {
      composed = db.transaction((tx) => {
        // Cancelled meanwhile (an account deleted): nothing to write.
        const current = tx
          .select({ status: mailOutbox.status })
          .from(mailOutbox)
          .where(eq(mailOutbox.id, row.id))
          .get();
        if (current?.status !== "queued") return null;
        // Claimed for a while (BEGIN IMMEDIATE: one process at a time), so another process (WORKERS) does
        // not send it too; a process that dies while sending leaves it to be retried after the claim.
        const claimed =
          tx
            .update(mailOutbox)
            .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
            .where(
              and(
                eq(mailOutbox.id, row.id),
                eq(mailOutbox.status, "queued"),
                lte(mailOutbox.nextAttemptAt, now),
              ),
            )
            .run().changes === 1;
        return claimed ? composeMail(tx, row, now) : null;
      });
    } catch (error) {
      console.error(`Mail ${row.id} (${row.kind}) could not be written:`, error);
      composed = { cancel: msg("mail.reasons.compose") };
    }
    if (!composed) continue;
    if ("cancel" in composed) {
      db.update(mailOutbox)
        .set({ status: "cancelled", lastError: composed.cancel })
        .where(eq(mailOutbox.id, row.id))
        .run();
      round.cancelled++;
      continue;
    }
    const attempts = row.attempts + 1;
    try {
      await deliverMail(composed.mail, `${row.id}-${row.kind}`);
      db.update(mailOutbox)
        .set({ status: "sent", sentAt: new Date(), attempts, lastError: "", subject: composed.mail.subject })
        .where(eq(mailOutbox.id, row.id))
        .run();
      round.sent++;
    } catch (error) {
      const giveUp = isPermanentFailure(error) || attempts >= MAX_ATTEMPTS;
      const wait = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1];
      db.update(mailOutbox)
        .set({
          status: giveUp ? "failed" : "queued",
          attempts,
          lastError: failureReason(error),
          subject: composed.mail.subject,
          nextAttemptAt: new Date(now.getTime() + wait),
        })
        .where(eq(mailOutbox.id, row.id))
        .run();
      if (giveUp) round.failed++;
      else round.retrying++;
    }
  }
  return round;
}

export const DEFAULT_INTERVAL_MS = 15_000;

/** Starts the loop: every interval, and at once when a request queues a mail. Returns a stop function. */
export function startMailWorker(options: { intervalMs?: number } = {}) {
  let running = false;
  let again = false;
  const round = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        queueDueDigests();
        // A full batch means more may be waiting.
        for (;;) {
          const done = await deliverDueMail();
          if (done.sent + done.failed + done.retrying + done.cancelled < BATCH) break;
        }
      } while (again);
    } catch (error) {
      console.error("Mail worker:", error);
    } finally {
      running = false;
    }
  };
  const interval = options.intervalMs ?? (Number(process.env.MAIL_WORKER_INTERVAL_MS) || DEFAULT_INTERVAL_MS);
  const timer = setInterval(() => void round(), interval);
  timer.unref();
  registerMailWorker({ wake: () => void round() });
  void round();
  return () => {
    clearInterval(timer);
    registerMailWorker(undefined);
  };
}

/** What server.ts starts (through the Remix build's entry module). */
export const mailWorker = { start: startMailWorker };
