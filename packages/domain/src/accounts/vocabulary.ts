/**
 * The roles an account can hold. They are the product's, the same in every district; what each may do is the
 * server's permission table. Declared once, without zod, for the server that stores them, the contract that
 * checks them and the web that offers them.
 */

/**
 * The roles of a district's own accounts: the leading group's office, a leader, a unit's staff, the discipline
 * inspectors, an enterprise. A district's office manages these.
 */
export const DISTRICT_ROLES = ["office", "leader", "unit", "inspector", "enterprise"] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

/**
 * Every role: a district's, and a region's (a city or province above its districts, 市级/省级), whose accounts read
 * the districts the region covers and write nothing. Region accounts are made by the platform's operator.
 */
export const ROLES = [...DISTRICT_ROLES, "region"] as const;
export type Role = (typeof ROLES)[number];

/** Each role's name as people read it, in Chinese and English. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  office: { zh: "牵头办公室", en: "Plan office" },
  leader: { zh: "领导", en: "Leader" },
  unit: { zh: "责任单位", en: "Responsible unit" },
  inspector: { zh: "纪检监察", en: "Discipline inspection" },
  enterprise: { zh: "企业", en: "Enterprise" },
  region: { zh: "市级/省级查看", en: "City or province (read only)" },
};
