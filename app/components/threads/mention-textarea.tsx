import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fold } from "~/rules/text";

export type MentionPerson = { id: string; name: string; email: string };

const MAX_SUGGESTIONS = 6;

/** The "@..." being typed just before the caret, if any: where it starts and what follows the "@". */
function mentionQuery(value: string, caret: number) {
  const before = value.slice(0, caret);
  const match = /(^|[\s(])@([^\s@][^@\n]{0,40}|)$/u.exec(before);
  if (!match) return null;
  const query = match[2];
  // Names have a few words at most; past that the "@" is not a mention being typed.
  if (query.split(" ").length > 4) return null;
  return { start: caret - query.length - 1, query };
}

/**
 * A comment box that offers workspace members when "@" is typed (arrow keys and Enter or Tab to pick,
 * Escape to close). Picks are sent as `mentionIds`, so that members who share a name are told apart; the
 * server recognises "@Name" on its own too, for browsers without JavaScript.
 */
export function MentionTextarea({
  id,
  name,
  people,
  defaultValue = "",
  describedBy,
  invalid,
  autoFocus,
  rows = 3,
  placeholder,
  onSubmitShortcut,
}: {
  id: string;
  name: string;
  people: MentionPerson[];
  defaultValue?: string;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  rows?: number;
  placeholder?: string;
  onSubmitShortcut?: () => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(defaultValue);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<string[]>([]);
  // Where the caret goes once a picked name is in the box. Set as soon as React has written the new value,
  // before the browser handles the next key: a caret moved later (a frame later, say) would send what a fast
  // typist typed meanwhile behind it ("he article…t").
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const element = textarea.current;
    const position = caretAfterPick.current;
    if (!element || position === null) return;
    caretAfterPick.current = null;
    element.setSelectionRange(position, position);
  });

  const suggestions = query
    ? people
        .filter(
          (person) =>
            fold(person.name).includes(fold(query.query)) || fold(person.email).includes(fold(query.query)),
        )
        .slice(0, MAX_SUGGESTIONS)
    : [];
  const open = suggestions.length > 0;

  const refresh = (element: HTMLTextAreaElement) => {
    const next = mentionQuery(element.value, element.selectionStart ?? element.value.length);
    setQuery(next);
    if (next?.query !== query?.query) setActive(0);
  };

  const pick = (person: MentionPerson) => {
    const element = textarea.current;
    if (!element || !query) return;
    const caret = element.selectionStart ?? value.length;
    const inserted = `@${person.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    setValue(next);
    setPicked((ids) => (ids.includes(person.id) ? ids : [...ids, person.id]));
    setQuery(null);
    caretAfterPick.current = query.start + inserted.length;
    element.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
      return;
    }
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(suggestions[Math.min(active, suggestions.length - 1)]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setQuery(null);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="mention-box">
      <textarea
        ref={textarea}
        id={id}
        name={name}
        rows={rows}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(Math.min(active, suggestions.length - 1)) : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          refresh(event.target);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (
            event.key === "ArrowLeft" ||
            event.key === "ArrowRight" ||
            event.key === "Home" ||
            event.key === "End"
          )
            refresh(event.currentTarget);
        }}
        onClick={(event) => refresh(event.currentTarget)}
        onBlur={() => setQuery(null)}
      />
      <input type="hidden" name="mentionIds" value={picked.join(",")} />
      <div
        id={listId}
        role="listbox"
        aria-label={t("threads.form.mentionList")}
        className="mention-list"
        hidden={!open}
      >
        {suggestions.map((person, index) => (
          <div
            key={person.id}
            tabIndex={-1}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? "is-active" : undefined}
            // Keeps the focus (and caret) in the textarea while choosing with the mouse.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(person);
            }}
          >
            <span className="mention-name">{person.name}</span> <span className="muted">{person.email}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
