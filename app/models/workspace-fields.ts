// The workspace forms (new workspace, settings): zod schemas shared by their routes and the limits the
// fields announce.
import { z } from "zod";
import { LOCALES } from "~/models/domain";
import { WORKSPACE_NAME_MAX } from "~/rules/limits";
import { msg } from "~/utils/messages";

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(2, msg("workspace.errors.nameTooShort"))
  .max(WORKSPACE_NAME_MAX, msg("workspace.errors.nameTooLong", { max: WORKSPACE_NAME_MAX }));

export const workspaceSettingsSchema = z.object({
  name: workspaceNameSchema,
  // "" = each member's own choice, else their browser's language.
  defaultLocale: z
    .enum(["", ...LOCALES], { error: msg("workspace.errors.languageUnknown") })
    .transform((value) => (value === "" ? null : value)),
  // A checkbox: present ("on") when ticked, absent otherwise.
  reviewBySomeoneElse: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

export type WorkspaceSettingsInput = z.output<typeof workspaceSettingsSchema>;
