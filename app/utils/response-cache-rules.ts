// Which addresses the response cache (app/utils/response-cache.server.ts, ADR 0009) leaves alone or keeps
// for a minute only. Pure, so the unit tests can hold it against the route files.

/** Pages whose content does not come only from the database: an export job's progress also depends on the clock (a job whose heartbeat stopped is shown as interrupted). */
export const UNCACHEABLE = /\/export(?:[/.]|$)/;
/**
 * Pages that depend on the clock as well: relative dates ("5 minutes ago", TimeAgo with the loader's `now`)
 * and invites and mailed links that expire. Their answers are kept for the current minute only. A new page showing either
 * must be added here (tests/unit/response-cache-rules.test.ts checks the route files).
 */
export const TIME_DEPENDENT =
  /^\/(?:w\/[^/]+\/(?:reviews|notifications|members|mail|cases\/[^/]+\/activity)|invite\/[^/]+|account\/sessions|(?:reset-password|verify-email)\/[^/]+)(?:\.data)?$/;
