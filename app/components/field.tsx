import { useId } from "react";
import { useMessage } from "~/utils/messages";

type FieldProps = {
  /** Already translated: t("auth.email"). */
  label: string;
  /** Encoded messages (msg(...)) from parseForm or a model: translated here. */
  name: string;
  errors?: string[];
  hint?: string;
  defaultValue?: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  inputMode?: "numeric" | "text" | "email";
  maxLength?: number;
  placeholder?: string;
  autoFocus?: boolean;
};

/** A labelled input whose error message sits next to it and is announced with it. */
export function Field({ label, name, errors, hint, multiline, rows = 3, ...input }: FieldProps) {
  const tm = useMessage();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
    defaultValue: input.defaultValue,
    required: input.required,
    maxLength: input.maxLength,
    placeholder: input.placeholder,
    autoFocus: input.autoFocus,
  };
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={rows} {...common} />
      ) : (
        <input
          type={input.type ?? "text"}
          autoComplete={input.autoComplete}
          inputMode={input.inputMode}
          {...common}
        />
      )}
      {errors?.length ? (
        <p className="field-error" id={errorId} role="alert">
          {errors.map(tm).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ errors }: { errors?: string[] }) {
  const tm = useMessage();
  if (!errors?.length) return null;
  return (
    <p className="form-error" role="alert">
      {errors.map(tm).join(" ")}
    </p>
  );
}

type SelectFieldProps = {
  /** Already translated. */
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  errors?: string[];
  hint?: string;
  defaultValue?: string;
  /** An option first in the list, with the value "" ("Not stated", "Choose a case"). */
  placeholder?: string;
};

/** A labelled select whose error message sits next to it and is announced with it, like Field. */
export function SelectField({
  label,
  name,
  options,
  errors,
  hint,
  defaultValue,
  placeholder,
}: SelectFieldProps) {
  const tm = useMessage();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p className="field-error" id={errorId} role="alert">
          {errors.map(tm).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
