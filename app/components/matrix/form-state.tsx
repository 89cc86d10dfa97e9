import { useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * A control's value, set by the person at once and brought back in line with the loader's value
 * whenever that changes (after a submission, "back", or a link that clears filters): the URL stays
 * the one source of truth, and a tick never flickers back while the page loads.
 */
export function useSynced<T>(value: T) {
  const [state, setState] = useState(value);
  useEffect(() => setState(value), [value]);
  return [state, setState] as const;
}

/** A labelled checkbox whose tick follows the loader's value (see useSynced). */
export function SyncedCheckbox({
  name,
  value,
  checked,
  className,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  className: string;
  children: React.ReactNode;
}) {
  const [on, setOn] = useSynced(checked);
  return (
    <label className={className}>
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={on}
        onChange={(event) => setOn(event.currentTarget.checked)}
      />
      {children}
    </label>
  );
}

/**
 * Ticks and choices apply at once; typed words and years wait for Enter or "Search". Lists whose every
 * box is ticked (`allWhenAbsent` names: absent means all) and empty fields are left out of the URL.
 */
export function useAutoSubmit(allWhenAbsent: string[]) {
  const submit = useSubmit();
  return (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const field = event.target as HTMLInputElement;
    if (field.form !== form || field.type === "search" || field.type === "number") return;
    const formData = new FormData(form);
    for (const name of allWhenAbsent) {
      const boxes = [...form.elements].filter(
        (element): element is HTMLInputElement =>
          element instanceof HTMLInputElement && element.type === "checkbox" && element.name === name,
      );
      if (boxes.length && boxes.every((box) => box.checked)) formData.delete(name);
    }
    for (const name of ["q", "from", "to", "author"]) if (formData.get(name) === "") formData.delete(name);
    if (formData.get("match") === "all") formData.delete("match");
    submit(formData, { method: "get", replace: true, preventScrollReset: true });
  };
}
