// Shared by the forms and the server's checks, so both say the same limit.
export const SET_NAME_MAX = 120;
