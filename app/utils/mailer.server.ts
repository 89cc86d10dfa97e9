// How a written message leaves the server: SMTP when SMTP_URL is set, otherwise an .eml file in the outbox
// folder (data/outbox beside the database) with its subject and link printed, so that a fresh `npm start`
// can be followed without a mail server. Only the mail queue (models/mail-queue.server.ts) calls this.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { databasePath } from "../../db/client";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the message is about, printed on the console in outbox mode. */
  link?: string;
  /** The recipient's language, for the HTML lang attribute and Content-Language. */
  locale: string;
};

export type Delivery = { via: "smtp" } | { via: "outbox"; file: string };

/** A refusal the server gave for good (5xx): trying again would not help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** The address links in mail start with: APP_ORIGIN, else this server on localhost. */
export function appOrigin(): string {
  const configured = process.env.APP_ORIGIN?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT || 3000}`;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Mediation Casebook <casebook@localhost>";
}

export function outboxDir(): string {
  return process.env.MAIL_OUTBOX_DIR || join(dirname(databasePath()), "outbox");
}

let smtp: { url: string; transport: Transporter } | null = null;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp?.transport.close();
    // Short timeouts: one unreachable server must not hold the queue for minutes.
    smtp = {
      url,
      transport: nodemailer.createTransport({
        url,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return smtp.transport;
}

// Writes the message as the SMTP server would receive it, without sending it anywhere.
const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

export async function deliverMail(mail: OutgoingMail, name: string): Promise<Delivery> {
  const message = {
    from: mailFrom(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // Marks it as sent by a program, so that out-of-office replies are not sent back.
    headers: { "Auto-Submitted": "auto-generated", "Content-Language": mail.locale },
  };
  const url = process.env.SMTP_URL?.trim();
  if (url) {
    await smtpTransport(url).sendMail(message);
    return { via: "smtp" };
  }
  const info = (await fileTransport.sendMail(message)) as { message: Buffer };
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${name}.eml`);
  writeFileSync(file, info.message);
  console.log(`Mail to ${mail.to}: “${mail.subject}”${mail.link ? ` → ${mail.link}` : ""}`);
  return { via: "outbox", file };
}
