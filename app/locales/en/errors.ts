// The error page (every route's ErrorBoundary) and errors shared by several areas.
export default {
  notFound: {
    title: "Not found",
    message: "This page does not exist, or it is not in a workspace you belong to.",
  },
  forbidden: {
    title: "Not allowed",
    message: "Your role in this workspace does not allow this.",
  },
  status: {
    title: "Error {{status}}",
  },
  unexpected: {
    title: "Something went wrong",
    message: "The page could not be shown. Nothing you saved before this was lost. Try again, or go back.",
  },
  notMember: "This workspace does not exist or you are not a member of it.",
  invalidValue: "This value is not valid.",
  tooLarge: {
    title: "Too large",
    request: "This request is too large (over {{mb}} MB). Nothing was saved.",
    back: "Go back",
  },
  goHome: "Go to my workspaces",
  unknownAction: "Unknown action.",
};
