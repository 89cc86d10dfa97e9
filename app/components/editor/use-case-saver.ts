// Autosave for the case editor. Nothing the person typed is ever thrown away by a save: a failed or
// refused save leaves the text in the editor and says why, and a 409 pauses saving until they choose.
import { useFetcher } from "@remix-run/react";
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Conflict, EditorActionResult } from "./types";

export const AUTOSAVE_DELAY_MS = 2000;
const OFFLINE_RETRY_MS = 15_000;
const SLOW_SAVE_MS = 12_000;

export type SaveStatus =
  | { kind: "unchanged" }
  | { kind: "pending" }
  | { kind: "saving"; slow?: boolean }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; theirs: Conflict };

export function useCaseSaver(options: {
  editor: Editor | null;
  actionUrl: string;
  initialRevision: number;
  fetcherKey: string;
}) {
  const { editor, actionUrl, initialRevision, fetcherKey } = options;
  const fetcher = useFetcher<EditorActionResult>({ key: fetcherKey });
  const submitRef = useRef(fetcher.submit);
  submitRef.current = fetcher.submit;
  const editorRef = useRef(editor);
  editorRef.current = editor;

  const baseRevision = useRef(initialRevision);
  // Changes are counted rather than compared: a save covers the changes made before it was sent.
  const changeCount = useRef(0);
  const savedCount = useRef(0);
  const inFlight = useRef<number | null>(null);
  const saveAgain = useRef(false);
  const paused = useRef(false);
  const handled = useRef<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const retryTimer = useRef<ReturnType<typeof setTimeout>>();
  const slowTimer = useRef<ReturnType<typeof setTimeout>>();

  const [status, setStatus] = useState<SaveStatus>({ kind: "unchanged" });
  const [dirty, setDirty] = useState(false);

  const save = useCallback(() => {
    const current = editorRef.current;
    clearTimeout(timer.current);
    clearTimeout(retryTimer.current);
    if (!current || paused.current) return;
    if (inFlight.current !== null) {
      saveAgain.current = true;
      return;
    }
    if (changeCount.current === savedCount.current) return;
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      setStatus({ kind: "offline" });
      return;
    }
    inFlight.current = changeCount.current;
    saveAgain.current = false;
    setStatus({ kind: "saving" });
    clearTimeout(slowTimer.current);
    slowTimer.current = setTimeout(
      () => setStatus((previous) => (previous.kind === "saving" ? { kind: "saving", slow: true } : previous)),
      SLOW_SAVE_MS,
    );
    submitRef.current(
      { baseRevision: baseRevision.current, doc: current.getJSON() as never },
      { method: "post", encType: "application/json", action: actionUrl },
    );
  }, [actionUrl]);

  const noteChange = useCallback(() => {
    changeCount.current += 1;
    setDirty(true);
    setStatus((previous) =>
      previous.kind === "pending" ||
      previous.kind === "saving" ||
      previous.kind === "conflict" ||
      previous.kind === "offline"
        ? previous
        : { kind: "pending" },
    );
    clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
  }, [save]);

  useEffect(() => {
    const result = fetcher.data;
    if (!result || result === handled.current) return;
    handled.current = result;
    clearTimeout(slowTimer.current);
    const sent = inFlight.current;
    inFlight.current = null;
    switch (result.kind) {
      case "saved":
        baseRevision.current = result.revision;
        if (sent !== null) savedCount.current = sent;
        setStatus({ kind: "saved", at: result.savedAt });
        break;
      case "conflict":
        paused.current = true;
        setStatus({ kind: "conflict", theirs: result });
        break;
      case "rejected":
        setStatus({ kind: "failed", message: result.errors.join(" ") });
        break;
      case "failed":
        setStatus({ kind: "failed", message: result.message });
        break;
      case "offline":
        setStatus({ kind: "offline" });
        retryTimer.current = setTimeout(save, OFFLINE_RETRY_MS);
        break;
      default:
        return;
    }
    const unsaved = changeCount.current !== savedCount.current;
    setDirty(unsaved);
    if (result.kind === "saved" && unsaved) {
      if (saveAgain.current) save();
      else setStatus({ kind: "pending" });
    }
  }, [fetcher.data, save]);

  useEffect(() => {
    const retry = () => save();
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("online", retry);
      clearTimeout(timer.current);
      clearTimeout(retryTimer.current);
      clearTimeout(slowTimer.current);
    };
  }, [save]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** After a conflict: store this editor's text as the newest revision, on top of theirs. */
  const saveMine = useCallback(
    (theirs: Conflict) => {
      baseRevision.current = theirs.revision;
      paused.current = false;
      if (changeCount.current === savedCount.current) changeCount.current += 1;
      save();
    },
    [save],
  );

  /** After a conflict: replace this editor's text with theirs (the caller has asked for confirmation). */
  const loadTheirs = useCallback((theirs: Conflict) => {
    const current = editorRef.current;
    if (!current) return;
    current.commands.setContent(theirs.doc, { emitUpdate: false });
    baseRevision.current = theirs.revision;
    savedCount.current = changeCount.current;
    paused.current = false;
    setDirty(false);
    setStatus({ kind: "saved", at: theirs.savedAt });
  }, []);

  return { status, dirty, noteChange, saveNow: save, saveMine, loadTheirs };
}
