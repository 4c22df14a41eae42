/**
 * The roles an account can hold. They are the product's, the same five in every district; what each may do is
 * the server's permission table. Declared once, without zod, for the server that stores them, the contract that
 * checks them and the web that offers them.
 */

/** The leading group's office, a leader, a unit's staff, the discipline inspectors, an enterprise. */
export const ROLES = ["office", "leader", "unit", "inspector", "enterprise"] as const;
export type Role = (typeof ROLES)[number];
