// Not a Chromium test: oversized requests against the production server of this file.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { caseDocument, createCase, decodeSingleFetch, signIn, workspaceOf } from "../../scripts/crash-test";
import { testBaseUrl } from "../helpers/chromium";

type RawAnswer = { status: number; text: string; error?: string };

/**
 * Sends a request over a bare socket the way a browser uploads a form: the headers, then all of `send` bytes
 * of body (as declared with Content-Length, or chunked without it), and only then reads the answer, until the
 * server closes. A server that closes while the body is still coming makes the client's system receive a
 * reset, which throws away an answer not read yet: `status` is then 0.
 */
function rawPost(
  baseUrl: string,
  path: string,
  options: { declaredLength?: number; send: number; headers?: Record<string, string> },
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.pause();
    let received = "";
    let error: string | undefined;
    const finish = () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, text: received.slice(received.indexOf("\r\n\r\n") + 4), error });
    };
    const timer = setTimeout(() => socket.destroy(), 20_000);
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
    const readTheAnswer = () => socket.resume();
    const pump = () => {
      while (sent < options.send && !socket.destroyed) {
        sent += piece.length;
        const frame = chunked
          ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
          : piece;
        if (!socket.write(frame)) {
          socket.once("drain", pump);
          return;
        }
      }
      if (socket.destroyed) return;
      if (chunked) socket.write("0\r\n\r\n", readTheAnswer);
      else socket.write("", readTheAnswer);
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
    expect(importAnswer.text).toContain("larger than 50 MB");
  });

  it("answers a browser's oversized form post with a page in the reader's language", async () => {
    const answer = await rawPost(baseUrl, "/workspaces/import", {
      declaredLength: 60 * MB,
      send: 2 * MB,
      headers: { Accept: "text/html,application/xhtml+xml", "Accept-Language": "fr-FR,fr;q=0.9" },
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('<html lang="fr">');
    expect(answer.text).toContain("Le fichier dépasse 50 Mo");
    expect(answer.text).toContain("Revenir en arrière");
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
    // Declared bodies: most are sent whole, as a browser sends a form, some stop early.
    const declared = Array.from({ length: 150 }, (_, i) =>
      rawPost(
        baseUrl,
        paths[i % paths.length],
        i % 3 === 0
          ? { declaredLength: 10 * MB, send: 256 * 1024 }
          : { declaredLength: 4 * MB, send: 4 * MB },
      ),
    );
    const chunked = Array.from({ length: 50 }, () =>
      rawPost(baseUrl, "/sign-in", { send: 4 * MB, headers: { Origin: baseUrl } }),
    );
    const answers = await Promise.all([...declared, ...chunked]);
    for (const answer of answers.slice(0, 150)) {
      expect(answer.error).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(answer.text).toContain("too large");
    }
    // Every client sends all it meant to before it reads (chunked ones 4 MB, past the 3 MB limit). The server
    // reads and drops what comes after its 413 before it closes (a lingering close), so every client reads
    // its 413, none a reset.
    for (const answer of answers.slice(150)) {
      expect(answer.error).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(answer.text).toContain("too large");
    }

    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await signIn(baseUrl)).toMatch(/^casebook_session=/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
