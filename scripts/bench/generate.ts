// Builds a synthetic workspace for `npm run bench` straight into a fresh SQLite file: prepared statements
// in a few transactions (the models would take far too long for 5,000 cases), but the same rules the
// models keep. Bodies are valid Tiptap documents of the six standard sections with tag and citation
// marks; passages and citations come from deriveCaseRows, so derived rows match the bodies; the search
// index is filled by the migrations' own triggers. A seeded PRNG makes every run the same workspace.

import { hash } from "@node-rs/argon2";
import type { JSONContent } from "@tiptap/core";
import { deriveCaseRows } from "../../app/editor/derive";
import { SECTION_TITLES } from "../../app/editor/template";
import { caseAnchorText, describePassage, sectionAt } from "../../app/models/anchors";
import { msg } from "../../app/utils/messages";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";

export type GenerateOptions = {
  cases: number;
  words: number;
  codes: number;
  sources: number;
  comments: number;
  /** Words of the one long case the browser timings open. */
  longCaseWords: number;
  seed: number;
};

export const DEFAULT_GENERATE: GenerateOptions = {
  cases: 5000,
  words: 2500,
  codes: 60,
  sources: 300,
  comments: 20_000,
  longCaseWords: 30_000,
  seed: 20240611,
};

export const BENCH_PASSWORD = "casebook-bench-password";
export const BENCH_OWNER_EMAIL = "bench-owner@example.org";

export type GeneratedWorkspace = {
  workspaceId: string;
  ownerEmail: string;
  password: string;
  caseIds: string[];
  longCaseId: string;
  codeIds: string[];
  outcomeIds: string[];
  regions: string[];
  /** Two words that occur in a fair share of the cases, for the search figure. */
  searchWords: [string, string];
  counts: { cases: number; passages: number; citations: number; threads: number; comments: number };
};

/** mulberry32: small, fast and good enough to make the same workspace on every run. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const id = () => {
    let out = "";
    for (let i = 0; i < 16; i++) out += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(next() * 36)];
    return out;
  };
  return { next, int, pick, chance, id };
}

export type Rng = ReturnType<typeof createRng>;

// Words of the domain come first so they are the frequent ones; invented words make the long tail that
// gives a full-text index realistic selectivity.
const DOMAIN_WORDS = (
  "the of and to in a that was with for by on as group government talks armed mediator ceasefire " +
  "community leaders local elders religious negotiation dialogue release hostages agreement violence " +
  "region village militia security forces state transnational network commander envoy channel trust " +
  "access humanitarian aid prisoners exchange truce displacement return withdrawal checkpoint market " +
  "amnesty demobilisation grievances land water herders farmers pastoral council tribunal sharia " +
  "authority legitimacy pressure offensive advantage leadership election transition coup sanctions " +
  "donor ministry customary chief imam scholar radio message letter meeting delegation visit"
).split(" ");

const SYLLABLES = "ba ka ri mo du sa le ti na go ru fe zi lo ma ne ko su da mi ya to bi he".split(" ");
const PLACES =
  "Mopti Ségou Gao Kidal Tombouctou Ménaka Diffa Tillabéri Dori Djibo Kayes Sikasso Agadez Tahoua Zinder Maradi Bankass Koro Douentza Nioro".split(
    " ",
  );

export function makeVocabulary(rng: Rng, size = 20_000): string[] {
  const words = new Set(DOMAIN_WORDS);
  while (words.size < size) {
    let word = "";
    const syllables = rng.int(2, 4);
    for (let i = 0; i < syllables; i++) word += rng.pick(SYLLABLES);
    words.add(word);
  }
  return [...words];
}

type Writer = { rng: Rng; vocabulary: string[] };

// Skewed towards the start of the vocabulary (roughly Zipf-like): "the" is everywhere, "kamodu" is rare.
function word(writer: Writer) {
  const { rng, vocabulary } = writer;
  return vocabulary[Math.floor(vocabulary.length * rng.next() ** 3)];
}

function sentence(writer: Writer, length: number) {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(word(writer));
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export type BodyReferences = { codeIds: string[]; sourceIds: string[] };

/**
 * A case body of about `words` words in the six standard sections. About four paragraphs in ten hold a
 * tagged sentence (sometimes tagged with two codes), about one in five a cited one.
 */
export function caseBody(rng: Rng, vocabulary: string[], words: number, refs: BodyReferences): JSONContent {
  const writer = { rng, vocabulary };
  const content: JSONContent[] = [];
  const perSection = Math.max(1, Math.round(words / SECTION_TITLES.length));
  for (const title of SECTION_TITLES) {
    content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] });
    let written = 0;
    while (written < perSection) {
      const inline: JSONContent[] = [];
      const sentences = rng.int(3, 6);
      const tagged = refs.codeIds.length && rng.chance(0.4) ? rng.int(0, sentences - 1) : -1;
      const cited = refs.sourceIds.length && rng.chance(0.2) ? rng.int(0, sentences - 1) : -1;
      for (let i = 0; i < sentences && written < perSection; i++) {
        const length = Math.min(rng.int(8, 20), perSection - written);
        written += length;
        const text = (i > 0 ? " " : "") + sentence(writer, length);
        const marks: JSONContent["marks"] = [];
        if (i === tagged) {
          marks.push({ type: "tag", attrs: { codeId: rng.pick(refs.codeIds) } });
          if (rng.chance(0.25)) {
            const second = rng.pick(refs.codeIds);
            if (second !== marks[0].attrs?.codeId) marks.push({ type: "tag", attrs: { codeId: second } });
          }
        }
        if (i === cited)
          marks.push({
            type: "citation",
            attrs: { sourceId: rng.pick(refs.sourceIds), locator: `p. ${rng.int(1, 300)}` },
          });
        inline.push(marks.length ? { type: "text", text, marks } : { type: "text", text });
      }
      content.push({ type: "paragraph", content: inline });
    }
  }
  return { type: "doc", content };
}

function sectionsUpTo(doc: JSONContent, share: number): JSONContent {
  const blocks = doc.content ?? [];
  return { type: "doc", content: blocks.slice(0, Math.max(2, Math.round(blocks.length * share))) };
}

const EMPTY_TEMPLATE: JSONContent = {
  type: "doc",
  content: SECTION_TITLES.flatMap((title) => [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] },
    { type: "paragraph" },
  ]),
};

const CODE_COLORS = ["#2563eb", "#0891b2", "#0d9488", "#4f46e5", "#16a34a", "#b45309", "#be123c", "#7c3aed"];

export async function generateWorkspace(
  path: string,
  options: GenerateOptions,
  log: (line: string) => void = () => {},
): Promise<GeneratedWorkspace> {
  const rng = createRng(options.seed);
  const vocabulary = makeVocabulary(rng);
  const { db, sqlite } = openDatabase(path);
  runMigrations(db);
  // A throwaway file: durability buys nothing while it is being filled.
  sqlite.pragma("synchronous = OFF");

  const passwordHash = await hash(BENCH_PASSWORD, {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
    outputLen: 32,
  });
  const start = Date.UTC(2024, 0, 1);
  const day = 86_400_000;

  const workspaceId = rng.id();
  const people = [
    { id: rng.id(), email: BENCH_OWNER_EMAIL, name: "Bench Owner", role: "owner" },
    ...Array.from({ length: 5 }, (_, i) => ({
      id: rng.id(),
      email: `bench-editor-${i + 1}@example.org`,
      name: `Editor ${String.fromCharCode(65 + i)}`,
      role: "editor",
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      id: rng.id(),
      email: `bench-reviewer-${i + 1}@example.org`,
      name: `Reviewer ${String.fromCharCode(65 + i)}`,
      role: "reviewer",
    })),
    { id: rng.id(), email: "bench-trainer@example.org", name: "Bench Trainer", role: "trainer" },
  ];
  const writers = people.filter((p) => p.role === "owner" || p.role === "editor");
  const commenters = people.filter((p) => p.role !== "trainer");

  const codes = Array.from({ length: options.codes }, (_, i) => {
    const outcome = i % 4 === 3;
    return {
      id: rng.id(),
      kind: outcome ? "outcome" : "precondition",
      label: `${outcome ? "Outcome" : "Precondition"} ${i + 1}: ${word({ rng, vocabulary })} ${word({ rng, vocabulary })}`,
      color: CODE_COLORS[i % CODE_COLORS.length],
    };
  });
  const codeIds = codes.map((code) => code.id);
  const outcomeIds = codes.filter((code) => code.kind === "outcome").map((code) => code.id);
  const sourceIds = Array.from({ length: options.sources }, () => rng.id());
  const regions = PLACES.slice(0, 12);

  const insert = {
    user: sqlite.prepare(
      "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    workspace: sqlite.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)"),
    membership: sqlite.prepare(
      "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
    ),
    code: sqlite.prepare(
      "INSERT INTO codes (id, workspace_id, kind, label, description, color, parent_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    source: sqlite.prepare(
      "INSERT INTO sources (id, workspace_id, csl, title, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    case: sqlite.prepare(
      `INSERT INTO cases (id, workspace_id, title, regions, period_start, period_start_circa, period_end,
        period_end_circa, actors, mediators, summary, status, approved_revision, body, body_text, revision,
        created_by, updated_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
    ),
    bodyText: sqlite.prepare("UPDATE cases SET body_text = ? WHERE id = ?"),
    revision: sqlite.prepare(
      "INSERT INTO case_revisions (id, case_id, number, base_number, body, fields, note, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    passage: sqlite.prepare(
      "INSERT INTO passages (case_id, code_id, text, section, position) VALUES (?, ?, ?, ?, ?)",
    ),
    citation: sqlite.prepare(
      "INSERT INTO citations (case_id, source_id, locator, text, section, position) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    condition: sqlite.prepare(
      "INSERT INTO case_conditions (case_id, code_id, value, note, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    activity: sqlite.prepare(
      "INSERT INTO case_activity (case_id, actor_id, kind, detail, at) VALUES (?, ?, ?, ?, ?)",
    ),
    thread: sqlite.prepare(
      "INSERT INTO threads (id, workspace_id, case_id, anchor, revision, status, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    comment: sqlite.prepare(
      "INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
  };

  sqlite.transaction(() => {
    insert.workspace.run(workspaceId, "Synthetic benchmark casebook", start);
    for (const person of people) {
      insert.user.run(person.id, person.email, person.name, passwordHash, start);
      insert.membership.run(workspaceId, person.id, person.role, start);
    }
    for (const [i, code] of codes.entries()) {
      // Every fifth code sits under the code before it, as sub-codes do in a real codebook.
      const parent = i % 5 === 4 && codes[i - 1].kind === code.kind ? codes[i - 1].id : null;
      insert.code.run(code.id, workspaceId, code.kind, code.label, "", code.color, parent, start);
    }
    for (const [i, id] of sourceIds.entries()) {
      const title = `Report ${i + 1} on ${word({ rng, vocabulary })} and ${word({ rng, vocabulary })}`;
      const csl = {
        id,
        type: rng.pick(["report", "article-journal", "book", "interview"]),
        title,
        author: [{ family: `Author${i + 1}`, given: "A." }],
        issued: { "date-parts": [[rng.int(1995, 2024)]] },
      };
      insert.source.run(id, workspaceId, JSON.stringify(csl), title, people[0].id, start, start);
    }
  })();

  const caseIds: string[] = [];
  const counts = { cases: 0, passages: 0, citations: 0, threads: 0, comments: 0 };
  const refs = { codeIds, sourceIds };
  const statuses = ["draft", "draft", "in_review", "changes_requested", "approved", "approved", "approved"];
  // Threads are spread over the cases; each holds one to four comments.
  let commentsLeft = options.comments;
  const threadIds: string[] = [];
  const threadsPerCase = options.comments / 2.5 / Math.max(1, options.cases);

  const writeCase = (index: number, words: number, title: string) => {
    const id = rng.id();
    const author = rng.pick(writers);
    const body = caseBody(rng, vocabulary, words, refs);
    const rows = deriveCaseRows(body);
    const revisionCount = rng.int(1, 3);
    const status = rng.pick(statuses);
    const created = start + index * 3_600_000;
    const updated = created + rng.int(0, 200) * day;
    const periodStart = rng.int(1995, 2022);
    const fields = {
      title,
      regions: [...new Set([rng.pick(regions), ...(rng.chance(0.3) ? [rng.pick(regions)] : [])])],
      periodStart,
      periodStartCirca: false,
      periodEnd: rng.chance(0.8) ? periodStart + rng.int(0, 6) : null,
      periodEndCirca: false,
      actors: [`Armed group ${rng.int(1, 40)}`, "Government"],
      mediators: rng.chance(0.7) ? [`Mediator ${rng.int(1, 25)}`] : [],
      summary: sentence({ rng, vocabulary }, 30),
    };
    insert.case.run(
      id,
      workspaceId,
      fields.title,
      JSON.stringify(fields.regions),
      fields.periodStart,
      fields.periodEnd,
      JSON.stringify(fields.actors),
      JSON.stringify(fields.mediators),
      fields.summary,
      status,
      status === "approved" ? revisionCount : null,
      JSON.stringify(body),
      revisionCount,
      author.id,
      author.id,
      created,
      updated,
    );
    const snapshot = JSON.stringify(fields);
    for (let number = 1; number <= revisionCount; number++) {
      const revisionBody =
        number === revisionCount ? body : number === 1 ? EMPTY_TEMPLATE : sectionsUpTo(body, 0.5);
      insert.revision.run(
        rng.id(),
        id,
        number,
        number === 1 ? null : number - 1,
        JSON.stringify(revisionBody),
        snapshot,
        number === 1 ? msg("history.notes.created") : "",
        author.id,
        created + (number - 1) * day,
      );
    }
    for (const p of rows.passages) insert.passage.run(id, p.codeId, p.text, p.section, p.position);
    for (const c of rows.citations)
      insert.citation.run(id, c.sourceId, c.locator, c.text, c.section, c.position);
    // Indexed last, so the citations' triggers above re-index an empty body, not 2,500 words each.
    insert.bodyText.run(rows.plainText, id);
    counts.passages += rows.passages.length;
    counts.citations += rows.citations.length;

    // Stated conditions: most tagged codes are stated present; some others absent or present.
    const tagged = new Set(rows.passages.map((p) => p.codeId));
    const reviewer = rng.pick(people.filter((p) => p.role === "reviewer"));
    for (const codeId of codeIds) {
      let value: string | null = null;
      if (tagged.has(codeId)) value = rng.chance(0.85) ? "present" : rng.pick(["absent", "unknown"]);
      else if (rng.chance(0.15)) value = rng.chance(0.5) ? "present" : "absent";
      if (value) insert.condition.run(id, codeId, value, "", reviewer.id, updated);
    }
    insert.activity.run(id, author.id, "created", "{}", created);

    const anchor = caseAnchorText(body);
    let threads = Math.floor(threadsPerCase) + (rng.chance(threadsPerCase % 1) ? 1 : 0);
    while (threads-- > 0 && commentsLeft > 0 && anchor.text.length > 200) {
      const from = rng.int(0, anchor.text.length - 120);
      const passage = describePassage(anchor.text, from, from + rng.int(20, 100));
      if (!passage) continue;
      const section = sectionAt(anchor.sections, passage.start);
      const threadId = rng.id();
      const at = updated + rng.int(0, 20) * day;
      insert.thread.run(
        threadId,
        workspaceId,
        id,
        JSON.stringify(section ? { ...passage, section } : passage),
        revisionCount,
        rng.chance(0.3) ? "resolved" : "open",
        rng.pick(commenters).id,
        at,
        at,
      );
      counts.threads++;
      threadIds.push(threadId);
      const replies = Math.min(commentsLeft, rng.int(1, 4));
      for (let r = 0; r < replies; r++) {
        insert.comment.run(
          rng.id(),
          threadId,
          rng.pick(commenters).id,
          sentence({ rng, vocabulary }, 18),
          at + r,
        );
        commentsLeft--;
        counts.comments++;
      }
    }
    caseIds.push(id);
    counts.cases++;
    return id;
  };

  const began = performance.now();
  const batch = 250;
  for (let from = 0; from < options.cases; from += batch) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(options.cases, from + batch); i++)
        writeCase(i, options.words, `Case ${i + 1}: ${rng.pick(regions)} ${word({ rng, vocabulary })} talks`);
    })();
    const done = Math.min(options.cases, from + batch);
    if (done % 1000 === 0 || done === options.cases)
      log(`  ${done} cases written (${((performance.now() - began) / 1000).toFixed(1)} s)`);
  }
  const longCaseId = sqlite.transaction(() =>
    writeCase(options.cases, options.longCaseWords, `Long case (${options.longCaseWords} words)`),
  )();
  caseIds.pop();
  // Threads were drawn at random: the comments still owed become replies, so the total is as asked.
  sqlite.transaction(() => {
    while (commentsLeft > 0 && threadIds.length) {
      insert.comment.run(
        rng.id(),
        rng.pick(threadIds),
        rng.pick(commenters).id,
        sentence({ rng, vocabulary }, 18),
        start,
      );
      commentsLeft--;
      counts.comments++;
    }
  })();
  // No ANALYZE: a deployed database has no planner statistics either, so neither does this one.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.close();

  // Two words of the middle of the vocabulary: each is in roughly one case in six, both in a few percent.
  const searchWords: [string, string] = [vocabulary[1500], vocabulary[2500]];
  return {
    workspaceId,
    ownerEmail: BENCH_OWNER_EMAIL,
    password: BENCH_PASSWORD,
    caseIds,
    longCaseId,
    codeIds,
    outcomeIds,
    regions,
    searchWords,
    counts,
  };
}
