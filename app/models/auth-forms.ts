import { z } from "zod";
import { msg } from "~/utils/messages";

// Messages are catalogue keys (locales/*/auth.ts), translated where they are shown (components/field.tsx).
export const PASSWORD_MIN = 10;
const PASSWORD_MAX = 500;
const NAME_MAX = 100;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .email(msg("auth.errors.emailInvalid"))
  .max(200, msg("auth.errors.emailTooLong"));

const newPassword = z
  .string()
  .min(PASSWORD_MIN, msg("auth.errors.passwordTooShort", { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX, msg("auth.errors.passwordTooLong", { max: PASSWORD_MAX }));

export const nameSchema = z
  .string()
  .trim()
  .min(1, msg("auth.errors.nameRequired"))
  .max(NAME_MAX, msg("auth.errors.nameTooLong", { max: NAME_MAX }))
  .regex(/^\P{Cc}*$/u, msg("auth.errors.nameControl"));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, msg("auth.errors.passwordRequired")).max(PASSWORD_MAX),
  redirectTo: z.string().optional(),
});

export const signUpSchema = z.object({
  name: nameSchema,
  email,
  password: newPassword,
  redirectTo: z.string().optional(),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, msg("auth.errors.currentPasswordRequired")),
  newPassword,
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({ newPassword });

/** A code from the authenticator app (6 digits) or a recovery code (XXXX-XXXX-XXXX-XXXX). */
export const secondStepSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, msg("auth.twoFactor.codeRequired"))
    .max(40, msg("auth.twoFactor.codeInvalid"))
    .regex(/^[0-9A-Za-z\s-]+$/, msg("auth.twoFactor.codeInvalid")),
});

export const passwordCheckSchema = z.object({
  password: z.string().min(1, msg("auth.errors.currentPasswordRequired")).max(PASSWORD_MAX),
});

const SAME_SITE = "http://casebook.invalid";

/**
 * Only same-site paths: an open redirect would let a phishing link bounce through us. Browsers drop tabs
 * and newlines from an address and read a backslash as "/", so "/\t/evil.example" means "//evil.example": the
 * path must contain no control character or backslash, and must still point here once parsed.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (!to || typeof to !== "string") return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SAME_SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
