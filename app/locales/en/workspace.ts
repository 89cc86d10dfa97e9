// The list of workspaces (app/routes/workspaces.tsx) and workspace-wide words.
export default {
  list: {
    title: "Your workspaces",
    metaTitle: "Workspaces",
    emptyTitle: "You are not in a workspace yet.",
    emptyBody: "Create one for your team below, or open the invite link a colleague sent you.",
    export: "Export",
    newHeading: "New workspace",
    nameLabel: "Workspace name",
    namePlaceholder: "e.g. Sahel programme",
    create: "Create workspace",
    created: "Workspace “{{name}}” created.",
    importPrompt: "Moving or restoring a team’s work?",
    importLink: "Import a workspace",
    importRest: "from a file made with “Export this workspace”.",
  },
  settings: {
    metaTitle: "Workspace settings",
    title: "Workspace settings",
    name: "Workspace name",
    language: "Interface language",
    languageHint:
      "For members who have not chosen a language on their account page. Everyone can still choose their own.",
    review: "Approving cases",
    reviewBySomeoneElse: "A case is approved by someone other than the member who edited it last",
    reviewHint:
      "Recommended: nobody signs off their own text alone. When off, a reviewer or owner may approve a case they edited last.",
    save: "Save settings",
    saving: "Saving…",
    saved: "Settings saved.",
  },
  errors: {
    languageUnknown: "Choose a language from the list.",
    nameTooShort: "Name the workspace (at least 2 characters).",
    nameTooLong: "Keep the name under {{max}} characters.",
  },
};
