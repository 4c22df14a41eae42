/**
 * Words the product fixes for a project beside its stages: what kind of investor it has, and what holds it up
 * (项目直通车) and where such a problem stands. Declared once, for the server that stores them, the contract that
 * checks them and the web that offers them.
 */

/** A top-500 manufacturer, a listed company, or another investor. */
export const PROJECT_ORIGINS = ["top500", "listed", "other"] as const;
export type ProjectOrigin = (typeof PROJECT_ORIGINS)[number];

/** Land, approvals, water/power/gas, financing, or something else. */
export const BLOCKER_CATEGORIES = ["land", "approval", "utilities", "financing", "other"] as const;
export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];

/** A problem waits for the unit's answer (open), is answered, then closed. */
export const BLOCKER_STATUSES = ["open", "answered", "closed"] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
