import type { JSONContent } from "@tiptap/core";
import type { SourceFieldErrors } from "./source-form";

export type CodeOption = {
  id: string;
  kind: "precondition" | "outcome";
  label: string;
  description: string;
  color: string;
};

/** `detail` is who, when and where, to tell sources apart in the dialog ("" when nothing is known). */
export type SourceOption = { id: string; title: string; detail: string };

/** The version someone else saved while this editor was open (a 409 answer). */
export type Conflict = { revision: number; doc: JSONContent; savedBy: string; savedAt: string };

/** Everything the edit page's action (through its clientAction) can answer. */
export type EditorActionResult =
  | { kind: "saved"; revision: number; savedAt: string }
  | ({ kind: "conflict" } & Conflict)
  | { kind: "rejected"; errors: string[] }
  | { kind: "failed"; status: number; message: string }
  | { kind: "offline" }
  | { kind: "sourceCreated"; source: SourceOption }
  | { kind: "sourceRejected"; errors: SourceFieldErrors };
