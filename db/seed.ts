import { pathToFileURL } from "node:url";
import { hash } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { generateIdFromEntropySize } from "lucia";
import { deriveCaseRows } from "../app/editor/derive";
import { actorNameMap, ensureActorEntries } from "../app/models/actor-registry.server";
import { caseFieldsSnapshot } from "../app/models/case-fields";
import type { CaseEvent } from "../app/models/event-fields";
import { nameKey } from "../app/rules/actor-names";
import { type DB, openDatabase } from "./client";
import { runMigrations } from "./migrate";
import {
  actorAffiliations,
  actorNames,
  actors,
  caseConditions,
  caseEvents,
  caseLinks,
  caseRevisions,
  cases,
  citations,
  codes,
  memberships,
  passages,
  type Role,
  sources,
  users,
  workspaces,
} from "./schema";
import {
  ARTICLE_SOURCE,
  type CaseSeed,
  DEMO_ACTORS,
  DEMO_AFFILIATIONS,
  DEMO_CASES,
  DEMO_LINKS,
  type Segment,
  STARTER_CODES,
} from "./seed-content";

export const DEMO_PASSWORD = "casebook-demo";
export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "owner@example.org", name: "Olivia Owner", role: "owner" },
  { email: "editor@example.org", name: "Eduardo Editor", role: "editor" },
  { email: "reviewer@example.org", name: "Rokia Reviewer", role: "reviewer" },
  { email: "trainer@example.org", name: "Tomas Trainer", role: "trainer" },
];
export const DEMO_WORKSPACE_NAME = "Sahel dialogue casebook (demo)";

const newId = () => generateIdFromEntropySize(10);

export function isDatabaseEmpty(db: DB) {
  const row = db.select({ n: sql<number>`count(*)` }).from(users).get();
  return !row || row.n === 0;
}

type JSONNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JSONNode[];
  text?: string;
  marks?: JSONNode[];
};

function segmentNode(segment: Segment, codeIds: Map<string, string>, sourceId: string): JSONNode {
  const marks: JSONNode[] = [];
  for (const key of segment.codes ?? []) {
    const codeId = codeIds.get(key);
    if (!codeId) throw new Error(`Seed refers to unknown code "${key}"`);
    marks.push({ type: "tag", attrs: { codeId } });
  }
  if (segment.cite !== undefined)
    marks.push({ type: "citation", attrs: { sourceId, locator: segment.cite } });
  return marks.length ? { type: "text", text: segment.text, marks } : { type: "text", text: segment.text };
}

export function caseDocument(seed: CaseSeed, codeIds: Map<string, string>, sourceId: string): JSONNode {
  const content: JSONNode[] = [];
  for (const section of seed.sections) {
    content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: section.title }] });
    for (const paragraph of section.paragraphs) {
      content.push({
        type: "paragraph",
        content: paragraph.map((segment) => segmentNode(segment, codeIds, sourceId)),
      });
    }
  }
  return { type: "doc", content };
}

export async function seedDemo(db: DB) {
  const passwordHash = await hash(DEMO_PASSWORD, {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
    outputLen: 32,
  });
  db.transaction((tx) => {
    const workspaceId = newId();
    tx.insert(workspaces).values({ id: workspaceId, name: DEMO_WORKSPACE_NAME }).run();
    const userIds = new Map<Role, string>();
    for (const demo of DEMO_USERS) {
      const id = newId();
      userIds.set(demo.role, id);
      // Demo addresses count as confirmed: the demo team receives its notifications by mail (the outbox).
      tx.insert(users)
        .values({ id, email: demo.email, name: demo.name, passwordHash, emailVerifiedAt: new Date() })
        .run();
      tx.insert(memberships).values({ workspaceId, userId: id, role: demo.role }).run();
    }
    const editorId = userIds.get("editor")!;
    const reviewerId = userIds.get("reviewer")!;

    const codeIds = new Map<string, string>();
    for (const code of STARTER_CODES) codeIds.set(code.key, newId());
    for (const code of STARTER_CODES) {
      const { key, parent, example: _example, ...fields } = code;
      tx.insert(codes)
        .values({
          id: codeIds.get(key)!,
          workspaceId,
          ...fields,
          parentId: parent ? codeIds.get(parent)! : null,
        })
        .run();
    }

    const sourceId = newId();
    const now = new Date();
    tx.insert(sources)
      .values({
        id: sourceId,
        workspaceId,
        csl: { id: sourceId, ...ARTICLE_SOURCE.csl },
        title: ARTICLE_SOURCE.csl.title,
        createdBy: editorId,
        updatedAt: now,
      })
      .run();

    // The registry first, so that the names of the cases resolve to these entries.
    const actorIds = new Map<string, string>();
    for (const entry of DEMO_ACTORS) {
      const id = newId();
      actorIds.set(entry.name, id);
      tx.insert(actors)
        .values({
          id,
          workspaceId,
          name: entry.name,
          kind: entry.kind,
          description: entry.description,
          updatedAt: now,
        })
        .run();
      for (const name of [entry.name, ...(entry.aliases ?? [])])
        tx.insert(actorNames)
          .values({ actorId: id, workspaceId, name, key: nameKey(name) })
          .run();
    }
    for (const affiliation of DEMO_AFFILIATIONS) {
      tx.insert(actorAffiliations)
        .values({
          id: newId(),
          actorId: actorIds.get(affiliation.actor)!,
          groupId: actorIds.get(affiliation.group)!,
          role: affiliation.role,
          startYear: affiliation.startYear,
          wording: affiliation.wording,
          sourceId,
          locator: affiliation.cite,
        })
        .run();
    }
    const knownNames = actorNameMap(tx, workspaceId);

    const caseIds = new Map<string, string>();
    for (const seed of DEMO_CASES) {
      const id = newId();
      caseIds.set(seed.key, id);
      const body = caseDocument(seed, codeIds, sourceId);
      const rows = deriveCaseRows(body);
      const { sections: _sections, conditions, events: eventSeeds, key: _key, ...fields } = seed;
      const events = eventSeeds.map(
        (event): CaseEvent => ({
          id: newId(),
          start: event.start,
          end: event.end,
          circa: event.circa,
          wording: event.wording,
          title: event.title,
          description: event.description,
          actors: event.actors,
          codeIds: event.codes.map((key) => {
            const codeId = codeIds.get(key);
            if (!codeId) throw new Error(`Seed event refers to unknown code "${key}"`);
            return codeId;
          }),
          citations: [{ sourceId, locator: event.cite }],
        }),
      );
      ensureActorEntries(
        tx,
        workspaceId,
        [...fields.actors, ...fields.mediators, ...events.flatMap((event) => event.actors)],
        knownNames,
      );
      tx.insert(cases)
        .values({
          id,
          workspaceId,
          ...fields,
          approvedRevision: fields.status === "approved" ? 1 : null,
          body,
          bodyText: rows.plainText,
          createdBy: editorId,
          updatedBy: editorId,
          updatedAt: now,
        })
        .run();
      tx.insert(caseEvents).values({ caseId: id, events, updatedAt: now }).run();
      tx.insert(caseRevisions)
        .values({
          id: newId(),
          caseId: id,
          number: 1,
          body,
          fields: { ...caseFieldsSnapshot(fields), events },
          note: "Demo content from the seed article",
          authorId: editorId,
        })
        .run();
      for (const passage of rows.passages)
        tx.insert(passages)
          .values({ caseId: id, ...passage })
          .run();
      for (const citation of rows.citations)
        tx.insert(citations)
          .values({ caseId: id, ...citation })
          .run();
      for (const [key, condition] of Object.entries(conditions)) {
        tx.insert(caseConditions)
          .values({
            caseId: id,
            codeId: codeIds.get(key)!,
            value: condition.value,
            note: condition.note,
            setBy: reviewerId,
            setAt: now,
          })
          .run();
      }
    }

    // Each example passage is a passage tagged with its code in that case's text.
    for (const code of STARTER_CODES) {
      if (!code.example) continue;
      const seed = DEMO_CASES.find((item) => item.key === code.example!.caseKey);
      const tagged = seed?.sections.some((section) =>
        section.paragraphs.some((paragraph) =>
          paragraph.some(
            (segment) => segment.text === code.example!.text && segment.codes?.includes(code.key),
          ),
        ),
      );
      if (!tagged) throw new Error(`Example of "${code.key}" is not a passage tagged with it`);
      tx.update(codes)
        .set({ exampleCaseId: caseIds.get(code.example.caseKey)!, exampleQuote: code.example.text })
        .where(eq(codes.id, codeIds.get(code.key)!))
        .run();
    }

    for (const link of DEMO_LINKS) {
      tx.insert(caseLinks)
        .values({
          id: newId(),
          workspaceId,
          fromCaseId: caseIds.get(link.from)!,
          toCaseId: caseIds.get(link.to)!,
          kind: link.kind,
          note: link.note,
          createdBy: editorId,
        })
        .run();
    }
  });
}

// Run as a script (`tsx db/seed.ts`), not when bundled into build/server.js, whose own file is argv[1].
if (
  import.meta.url.endsWith("/db/seed.ts") &&
  import.meta.url === pathToFileURL(process.argv[1] ?? "").href
) {
  const { db, sqlite } = openDatabase();
  runMigrations(db);
  if (isDatabaseEmpty(db)) {
    await seedDemo(db);
    console.log("Demo workspace created.");
  } else {
    console.log("The database already has users: nothing seeded.");
  }
  sqlite.close();
}
