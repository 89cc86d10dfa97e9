// Not a Chromium test: oversized requests against the production server of this file.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { caseDocument, createCase, decodeSingleFetch, signIn, workspaceOf } from "../../scripts/crash-test";
import { testBaseUrl } from "../helpers/chromium";

type RawAnswer = { status: number; text: string; error?: string };

/**
 * Sends a request over a bare socket: the headers, then up to `send` bytes of body (as declared with
 * Content-Length, or chunked without it), and reads whatever the server answers until it closes.
 */
function rawPost(
  baseUrl: string,
  path: string,
  options: { declaredLength?: number; send: number; headers?: Record<string, string> },
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = "";
    let error: string | undefined;
    const finish = () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, text: received.slice(received.indexOf("\r\n\r\n") + 4), error });
    };
    const timer = setTimeout(() => socket.destroy(), 15_000);
    socket.on("data", (chunk) => {
      received += chunk;
    });
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code;
    });
    socket.on("close", finish);
    const chunked = options.declaredLength === undefined;
    const headers = {
      Host: url.host,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(chunked
        ? { "Transfer-Encoding": "chunked" }
        : { "Content-Length": String(options.declaredLength) }),
      ...options.headers,
    };
    socket.write(
      `POST ${path} HTTP/1.1\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("")}\r\n`,
    );
    const piece = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < options.send && !socket.destroyed && !received) {
        sent += piece.length;
        const frame = chunked
          ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
          : piece;
        if (!socket.write(frame)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (chunked && !socket.destroyed && !received) socket.write("0\r\n\r\n");
    };
    pump();
  });
}

describe("oversized requests", () => {
  const baseUrl = testBaseUrl();
  const MB = 1024 * 1024;

  it("refuses a declared oversized body at once with 413 and says the limit", async () => {
    const signInAnswer = await rawPost(baseUrl, "/sign-in", { declaredLength: 10 * MB, send: 64 * 1024 });
    expect(signInAnswer.status).toBe(413);
    expect(signInAnswer.text).toContain("This request is too large (over 3 MB). Nothing was saved.");
    const importAnswer = await rawPost(baseUrl, "/workspaces/import", { declaredLength: 60 * MB, send: 0 });
    expect(importAnswer.status).toBe(413);
    expect(importAnswer.text).toContain("over 50 MB");
  });

  it("counts a chunked body as it arrives: small ones go through, big ones get 413 and save nothing", async () => {
    const cookie = await signIn(baseUrl);
    const workspaceId = await workspaceOf(baseUrl, cookie);
    const caseId = await createCase(baseUrl, cookie, workspaceId, "Chunked saves");
    const editUrl = `${baseUrl}/w/${workspaceId}/cases/${caseId}/edit.data`;
    const headers = { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/json" };
    // A stream body has no Content-Length: fetch sends it chunked.
    const streamOf = (text: string) =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    const small = await fetch(editUrl, {
      method: "POST",
      headers,
      body: streamOf(JSON.stringify({ baseRevision: 1, doc: caseDocument("chunked-small") })),
      duplex: "half",
    } as RequestInit);
    expect(decodeSingleFetch(await small.text())).toMatchObject({ data: { kind: "saved", revision: 2 } });

    const big = await rawPost(baseUrl, `/w/${workspaceId}/cases/${caseId}/edit.data`, {
      send: 4 * MB,
      headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/json" },
    });
    expect(big.status).toBe(413);
    expect(big.text).toContain("too large");
    // Nothing of the cut-off body was saved: the case is still at revision 2.
    const next = await fetch(editUrl, {
      method: "POST",
      headers,
      body: JSON.stringify({ baseRevision: 2, doc: caseDocument("after-the-big-one") }),
    });
    expect(decodeSingleFetch(await next.text())).toMatchObject({ data: { kind: "saved", revision: 3 } });
  });

  it("stays up under a flood of 200 oversized requests", async () => {
    const started = Date.now();
    const paths = ["/sign-in", "/w/nosuchworkspace/cases/nosuchcase/edit.data", "/workspaces"];
    const declared = Array.from({ length: 150 }, (_, i) =>
      rawPost(baseUrl, paths[i % paths.length], { declaredLength: 10 * MB, send: 256 * 1024 }),
    );
    const chunked = Array.from({ length: 50 }, () =>
      rawPost(baseUrl, "/sign-in", { send: 4 * MB, headers: { Origin: baseUrl } }),
    );
    const answers = await Promise.all([...declared, ...chunked]);
    for (const answer of answers.slice(0, 150)) {
      expect(answer.status).toBe(413);
      expect(answer.text).toContain("too large");
    }
    for (const answer of answers.slice(150)) {
      // The 413 is written before the connection closes; a client still sending may see the close first.
      if (answer.status !== 413) expect(answer.error).toMatch(/ECONNRESET|EPIPE/);
      else expect(answer.text).toContain("too large");
    }
    expect(answers.filter((answer) => answer.status === 413).length).toBeGreaterThanOrEqual(190);

    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await signIn(baseUrl)).toMatch(/^casebook_session=/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
