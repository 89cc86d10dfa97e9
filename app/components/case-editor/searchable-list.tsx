import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fold } from "~/rules/text";

export type ListOption = {
  id: string;
  label: string;
  /** Shown under the label and searched too. */
  detail?: string;
  /** A 6-digit hex colour, already validated. */
  swatch?: string | null;
};

export type ListGroup = { label: string; options: ListOption[] };

function matches(option: ListOption, words: string[]): boolean {
  const haystack = fold(`${option.label} ${option.detail ?? ""}`);
  return words.every((word) => haystack.includes(word));
}

/**
 * A combobox with a list below it (the WAI-ARIA "list autocomplete" pattern): type to filter,
 * arrow keys to move, Enter or a click to pick. Escape is left to the surrounding dialog.
 */
export function SearchableList(props: {
  label: string;
  groups: ListGroup[];
  onPick: (option: ListOption) => void;
  emptyText: (query: string) => ReactNode;
  selectedId?: string | null;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const { groups, onPick } = props;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const inputId = useId();
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return groups
      .map((group) => ({ ...group, options: group.options.filter((option) => matches(option, words)) }))
      .filter((group) => group.options.length > 0);
  }, [groups, query]);
  const flat = useMemo(() => visible.flatMap((group) => group.options), [visible]);
  const activeIndex = Math.min(active, flat.length - 1);
  const activeOption = activeIndex >= 0 ? flat[activeIndex] : undefined;
  const optionId = (option: ListOption) => `${listId}-${option.id}`;

  useEffect(() => {
    if (!activeOption) return;
    list.current
      ?.querySelector(`[id="${CSS.escape(optionId(activeOption))}"]`)
      ?.scrollIntoView({ block: "nearest" });
  });

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(Math.min(activeIndex + 1, flat.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (event.key === "PageDown") {
      event.preventDefault();
      setActive(Math.min(activeIndex + 8, flat.length - 1));
    } else if (event.key === "PageUp") {
      event.preventDefault();
      setActive(Math.max(activeIndex - 8, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (activeOption) onPick(activeOption);
    }
  };

  let index = -1;
  return (
    <div className="searchable-list">
      <label htmlFor={inputId} className="searchable-list-label">
        {props.label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        autoComplete="off"
        spellCheck={false}
        data-autofocus={props.autoFocus ? "" : undefined}
        placeholder={props.placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div ref={list} id={listId} role="listbox" aria-label={props.label} className="searchable-list-options">
        {flat.length === 0 ? (
          <p className="searchable-list-empty">{props.emptyText(query)}</p>
        ) : (
          visible.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: a listbox may hold groups, not fieldsets
            <div role="group" aria-label={group.label} key={group.label} className="searchable-list-group">
              <div role="presentation" className="searchable-list-group-label">
                {group.label}
              </div>
              {group.options.map((option) => {
                index += 1;
                const at = index;
                return (
                  <div
                    key={option.id}
                    id={optionId(option)}
                    role="option"
                    tabIndex={-1}
                    aria-selected={at === activeIndex}
                    data-current={option.id === props.selectedId ? "true" : undefined}
                    className="searchable-list-option"
                    onMouseMove={() => {
                      if (at !== activeIndex) setActive(at);
                    }}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onPick(option)}
                    onKeyDown={(event) => {
                      if (event.key === "Enter" || event.key === " ") {
                        event.preventDefault();
                        onPick(option);
                      }
                    }}
                  >
                    {option.swatch ? (
                      <span className="swatch" style={{ background: option.swatch }} aria-hidden="true" />
                    ) : null}
                    <span className="searchable-list-text">
                      <span className="searchable-list-option-label">{option.label}</span>
                      {option.detail ? (
                        <span className="searchable-list-option-detail">{option.detail}</span>
                      ) : null}
                    </span>
                    {option.id === props.selectedId ? (
                      <span className="visually-hidden">{t("editor.list.chosen")}</span>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))
        )}
      </div>
    </div>
  );
}
