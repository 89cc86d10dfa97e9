import { z } from "zod";

export const PASSWORD_MIN = 10;

const email = z.string().trim().toLowerCase().email("Enter an email address like name@example.org.").max(200);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(500),
  redirectTo: z.string().optional(),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(500, "Use at most 500 characters."),
  redirectTo: z.string().optional(),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(500),
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
