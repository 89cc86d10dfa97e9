import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { MAX_LOCATOR_LENGTH } from "~/editor";
import type { CslType } from "~/models/sources/csl-item";
import { translateMessage, useMessage } from "~/utils/messages";
import { Modal } from "./modal";
import { SearchableList } from "./searchable-list";
import { SOURCE_TYPE_LABELS, type SourceFieldErrors } from "./source-form";
import { excerpt } from "./tag-picker";
import type { EditorActionResult, SourceOption } from "./types";

type Mode = "library" | "new";

function SourceTypeSelect({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const id = useId();
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{t("editor.cite.type")}</label>
      <select
        id={id}
        name="type"
        defaultValue="article"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      >
        {(Object.keys(SOURCE_TYPE_LABELS) as CslType[]).map((value) => (
          <option key={value} value={value}>
            {t(`sources.types.${value}`)}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors.map(tm).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** Pick a source of the library (or add one) and a locator, then cite it on the selected passage. */
export function CiteDialog(props: {
  sources: SourceOption[];
  selectedText: string;
  actionUrl: string;
  onCite: (citation: { sourceId: string; locator: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(props.sources.length > 0 ? "library" : "new");
  const [chosen, setChosen] = useState<SourceOption | null>(null);
  const [locator, setLocator] = useState("");
  const [problem, setProblem] = useState("");
  const locatorInput = useRef<HTMLInputElement>(null);
  const sourceForm = useRef<HTMLFormElement>(null);
  const locatorId = useId();
  const fetcher = useFetcher<EditorActionResult>();
  const handled = useRef<unknown>(null);

  const result = fetcher.data;
  const fieldErrors: SourceFieldErrors = result?.kind === "sourceRejected" ? result.errors : {};
  const formProblem =
    result?.kind === "offline"
      ? t("editor.cite.offline")
      : result?.kind === "failed"
        ? t("editor.cite.failed", { message: translateMessage(t, result.message) })
        : undefined;

  useEffect(() => {
    if (!result || result === handled.current) return;
    handled.current = result;
    if (result.kind === "sourceCreated") {
      setChosen(result.source);
      sourceForm.current?.reset();
      setMode("library");
      setProblem("");
      requestAnimationFrame(() => locatorInput.current?.focus());
    }
  }, [result]);

  // An empty library opens on the new-source form: start in its title (Modal's effect has opened the dialog).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening
  useEffect(() => {
    if (mode === "new") sourceForm.current?.querySelector<HTMLElement>("[name=title]")?.focus();
  }, []);

  const groups = useMemo(
    () => [
      {
        label: t("editor.cite.libraryGroup"),
        options: props.sources.map((source) => ({
          id: source.id,
          label: source.title,
          detail: source.detail || undefined,
        })),
      },
    ],
    [props.sources, t],
  );

  const cite = () => {
    if (!chosen) {
      setProblem(t("editor.cite.chooseSource"));
      return;
    }
    props.onCite({ sourceId: chosen.id, locator: locator.trim() });
  };

  return (
    <Modal title={t("editor.cite.title")} onClose={props.onClose} className="cite-dialog">
      <blockquote className="modal-quote">{excerpt(props.selectedText)}</blockquote>
      <fieldset className="segmented" aria-label={t("editor.cite.where")}>
        <button
          type="button"
          className="segmented-option"
          aria-pressed={mode === "library"}
          onClick={() => setMode("library")}
        >
          {t("editor.cite.fromLibrary", { count: props.sources.length })}
        </button>
        <button
          type="button"
          className="segmented-option"
          aria-pressed={mode === "new"}
          onClick={() => {
            setMode("new");
            requestAnimationFrame(() =>
              sourceForm.current?.querySelector<HTMLElement>("[name=title]")?.focus(),
            );
          }}
        >
          {t("editor.cite.newSource")}
        </button>
      </fieldset>

      <div hidden={mode !== "library"}>
        {props.sources.length === 0 ? (
          <p className="empty-state">{t("editor.cite.emptyLibrary")}</p>
        ) : (
          <SearchableList
            label={t("editor.cite.find")}
            placeholder={t("editor.cite.placeholder")}
            groups={groups}
            autoFocus
            selectedId={chosen?.id}
            onPick={(option) => {
              setChosen(props.sources.find((source) => source.id === option.id) ?? null);
              setProblem("");
              locatorInput.current?.focus();
            }}
            emptyText={(query) => t("editor.cite.noMatch", { query })}
          />
        )}
      </div>

      {/* Kept mounted while hidden so that switching tabs never loses what was typed. */}
      <div hidden={mode !== "new"}>
        <fetcher.Form
          ref={sourceForm}
          method="post"
          action={props.actionUrl}
          className="form"
          noValidate
          hidden={mode !== "new"}
        >
          <input type="hidden" name="intent" value="createSource" />
          <FormError errors={fieldErrors.form ?? (formProblem ? [formProblem] : undefined)} />
          <Field label={t("editor.cite.sourceTitle")} name="title" required errors={fieldErrors.title} />
          <SourceTypeSelect errors={fieldErrors.type} />
          <Field
            label={t("editor.cite.authors")}
            name="authors"
            hint={t("editor.cite.authorsHint")}
            errors={fieldErrors.authors}
          />
          <div className="field-row">
            <Field
              label={t("editor.cite.year")}
              name="year"
              inputMode="text"
              hint={t("editor.cite.yearHint")}
              errors={fieldErrors.year}
            />
            <Field label={t("editor.cite.url")} name="url" type="url" errors={fieldErrors.url} />
          </div>
          <div className="actions">
            <button
              type="submit"
              className="button button-secondary"
              disabled={fetcher.state === "submitting"}
            >
              {fetcher.state === "submitting" ? t("editor.cite.creating") : t("editor.cite.create")}
            </button>
          </div>
        </fetcher.Form>
      </div>

      <div className="cite-footer">
        <p className="cite-chosen">
          {chosen ? (
            <>
              {t("editor.cite.citing")}
              <strong>{chosen.title}</strong>
            </>
          ) : (
            <span className="muted">{t("editor.cite.noneChosen")}</span>
          )}
        </p>
        <div className="field">
          <label htmlFor={locatorId}>{t("editor.cite.locator")}</label>
          <input
            id={locatorId}
            ref={locatorInput}
            type="text"
            value={locator}
            maxLength={MAX_LOCATOR_LENGTH}
            placeholder={t("editor.cite.locatorPlaceholder")}
            onChange={(event) => setLocator(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                cite();
              }
            }}
          />
        </div>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="button" onClick={cite}>
            {t("editor.cite.add")}
          </button>
        </div>
      </div>
    </Modal>
  );
}
