// A real SMTP server in the test process (smtp-server, the server half of the nodemailer project): the app
// sends to it over TCP as it would to a mail relay, and tests read what arrived (parsed by mailparser).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./test-server";

export type ReceivedMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  raw: string;
};

type Refusal = { code: number; message: string };

export type MailServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** The next `count` messages are refused with this SMTP reply (450 = try later, 550 = never). */
  refuseNext(count: number, refusal: Refusal): void;
  /** Waits for a message matching `match` (polling what arrived; no fixed sleeps). */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
};

async function parse(raw: Buffer): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
  return {
    to: to ?? "",
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    headers: parsed.headers,
    raw: raw.toString("utf8"),
  };
}

export async function startMailServer(): Promise<MailServer> {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  const refusals: Refusal[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // No TLS between the app and this local server (the app would not trust a self-signed certificate).
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const refusal = refusals.shift();
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        parse(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseNext(count, refusal) {
      for (let i = 0; i < count; i++) refusals.push(refusal);
    },
    async waitFor(match, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `No matching mail in ${timeoutMs} ms; received: ${received.map((m) => `${m.to} «${m.subject}»`).join(", ") || "nothing"}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link of ours in a message whose path starts with `prefix` ("/invite/", "/reset-password/"). */
export function linkIn(mail: Pick<ReceivedMail, "text">, prefix: string): string {
  const links = mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
  const link = links.find((candidate) => new URL(candidate).pathname.startsWith(prefix));
  if (!link) throw new Error(`No ${prefix} link in:\n${mail.text}`);
  return link;
}

/** Messages a server without SMTP_URL wrote to its outbox folder (newest last). */
export async function outboxMessages(dir: string): Promise<ReceivedMail[]> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith(".eml"))
      .sort();
  } catch {
    return [];
  }
  return Promise.all(files.map((file) => parse(readFileSync(join(dir, file)))));
}
