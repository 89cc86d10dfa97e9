// Shared by the forms and the server's checks, so both say the same limit.
export const SET_NAME_MAX = 120;

export const VIEW_LABELS = { matrix: "Matrix", side: "Side by side" } as const;
