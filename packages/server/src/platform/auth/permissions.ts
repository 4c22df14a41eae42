/**
 * Who may do what. Every route names one of these permissions in its config
 * (`config: { permission: "users.manage" }`); the permission preHandler enforces the role part, and
 * services check the resource part with `allow(user, action, resource)` (district, own enterprise).
 */
import { DISTRICT_ROLES, ROLES, type Role } from "./users.table";

export type { Role };
export const ALL_ROLES: readonly Role[] = ROLES;
const READERS: readonly Role[] = ["office", "leader", "unit", "inspector"];
/**
 * A region (市/省) reads its districts' plan, targets, dashboards, register, monitoring and projects, and writes
 * nothing: it holds no permission of a write route. What a district keeps to itself (requests, talent, rewards,
 * tasks …) stays the district's.
 */
const REGION_READERS: readonly Role[] = [...READERS, "region"];

/** The roles granted each permission. "public" needs no login; "session" any logged-in account. */
export const PERMISSIONS = {
  public: "anyone",
  session: ALL_ROLES,
  "plan.read": ALL_ROLES,
  // A region's own pages: its districts side by side; which of them its session reads (a setting of its session,
  // nothing of any district's is written).
  "region.read": ["region"],
  "region.view": ["region"],
  // The plan's versions: read by those who answer for it, loaded and edited by the office only.
  "plan.versions": ["office", "leader", "inspector"],
  "plan.manage": ["office"],
  "units.read": ALL_ROLES,
  "units.manage": ["office"],
  "users.manage": ["office"],
  "audit.read": ["office"],
  // The audit log's signed checkpoints and public key: the office and the inspector keep copies off the server.
  "audit.checkpoints": ["office", "inspector"],
  "enterprises.read": [...REGION_READERS, "enterprise"],
  "projects.read": REGION_READERS,
  // Project pipeline: services narrow writers to the plan's pipeline units, answers to the assigned unit.
  "projects.write": ["office", "unit"],
  "projects.decide": ["leader"],
  "projects.blockers": ["office", "unit"],
  "projects.investment": ["office", "unit"],
  "targets.read": REGION_READERS,
  "targets.manage": ["office"],
  // Enterprise register (write side), figures, imports, monitoring; services narrow units and leaders further.
  "enterprises.edit": ["office"],
  "enterprises.listing": ["office", "unit"],
  // Chains' leader and backbone enterprises (M4): services narrow units to those the plan gives designateChainEnterprises.
  "enterprises.chainRoles": ["office", "unit"],
  "chainRoles.read": REGION_READERS,
  "enterprises.serviceNotes": ["office", "leader"],
  "enterprises.profile": ["office", "enterprise"],
  "enterprises.history": REGION_READERS,
  "figures.enter": ["office", "unit", "enterprise"],
  "figures.confirm": ["office", "unit"],
  "imports.run": ["office", "unit"],
  // Support grants, tech projects (the plan's M6/M8 lead units; enterprises self-report) and reward events (M2 lead unit).
  "support.enter": ["office", "unit", "enterprise"],
  "support.confirm": ["office", "unit"],
  "support.events": ["office", "unit"],
  "monitoring.read": REGION_READERS,
  "monitoring.manage": ["office"],
  // Rewards: the office computes and reviews; enterprises see and confirm their own; 区财政局 (checked by unit) approves and pays.
  "rewards.read": READERS,
  "rewards.view": [...READERS, "enterprise"],
  "rewards.manage": ["office"],
  // A step of the plan's award workflow (review, approval): the service checks the plan names the caller there.
  "rewards.step": ["office", "unit"],
  "rewards.confirm": ["enterprise"],
  "rewards.pay": ["unit"],
  "rewards.reject": ["office", "unit"],
  "rewards.notice": ["office", "unit"],
  // Policy simulation: the office and leaders try changes to the reward rules; nothing they do touches entitlements.
  "rewards.scenarios": ["office", "leader"],
  // Tasks and supervision (S16): units report on their tasks, the office manages them, the commission issues bulletins.
  "tasks.read": READERS,
  "tasks.manage": ["office"],
  "tasks.report": ["unit"],
  // Enterprises read the notices addressed to their own accounts (answers to their requests, rewards to confirm).
  "notifications.read": [...READERS, "enterprise"],
  "supervision.read": READERS,
  "supervision.issue": ["inspector"],
  "supervision.summons": ["inspector"],
  "assessment.finalize": ["office"],
  // Enterprise requests (M10 直通车): services narrow enterprises to their own, units to theirs, leaders to their enterprises.
  "requests.read": DISTRICT_ROLES,
  "requests.stats": READERS,
  "requests.submit": ["office", "leader", "enterprise"],
  "requests.manage": ["office"],
  "requests.handle": ["unit"],
  "requests.note": ["office", "leader", "unit"],
  "requests.rate": ["enterprise"],
  // Attach files: the enterprise (own), the office, a leader (its enterprises), a handling unit (responsible or co-unit).
  "requests.attach": ["office", "leader", "unit", "enterprise"],
  "serviceDays.read": READERS,
  "serviceDays.manage": ["office"],
  // The talent ledger (M13): services narrow units to the one the plan gives keepTalentLedger (towns add their own
  // people); enterprises post jobs and follow the recommendations for them.
  "talent.read": READERS,
  "talent.record": ["unit"],
  "talent.keep": ["unit"],
  "talent.posts": [...READERS, "enterprise"],
  "talent.post": ["unit", "enterprise"],
  "talent.outcome": ["unit", "enterprise"],
  // The fee list (M11): services narrow units to those the plan gives keepFeeList; enterprises complain about
  // charges and read their own complaints; the commission records inspections and accountability too.
  "fees.read": READERS,
  "fees.manage": ["office", "unit"],
  "fees.complain": ["enterprise"],
  "fees.complaints": [...READERS, "enterprise"],
  "fees.inspect": ["office", "unit", "inspector"],
  // Entrepreneurs' trainings and salons (M12): services narrow holders to the plan's holdEntrepreneurEvents units,
  // attendance to them and the host unit; enterprises see the events open to them and their invitations.
  "events.read": DISTRICT_ROLES,
  "events.report": READERS,
  "events.manage": ["office", "unit"],
  "events.attendance": ["office", "unit"],
  "events.register": ["enterprise"],
  "events.feedback": ["enterprise"],
  // The platform's land (M1): services narrow units to those the plan gives keepLandParcels (parcels) and
  // handleZombieEnterprises (zombie cases); the office sets the zombie criteria.
  "land.read": READERS,
  "land.manage": ["office", "unit"],
  "zombies.read": READERS,
  "zombies.handle": ["office", "unit"],
  "zombies.criteria": ["office"],
  // The official calendar working-day limits count by: read by those who follow limits, kept by the office.
  "calendar.read": READERS,
  "calendar.manage": ["office"],
} as const satisfies Record<string, "anyone" | readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The caller as the policies see it. */
export interface Principal {
  id: number;
  role: Role;
  districtId: string;
  unitId: number | null;
  enterpriseId: number | null;
}

/** What a resource-level check looks at; omit what does not apply. */
export interface ResourceScope {
  districtId?: string;
  /** The enterprise the data belongs to (an enterprise account may touch only its own). */
  enterpriseId?: number | null;
  /** The unit the data belongs to. */
  unitId?: number | null;
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(PERMISSIONS, value);
}

/** Whether a role holds a permission, regardless of any particular resource. */
export function roleMay(role: Role | null, permission: Permission): boolean {
  const granted = PERMISSIONS[permission] as "anyone" | readonly Role[];
  if (granted === "anyone") return true;
  return role !== null && granted.includes(role);
}

/**
 * Whether `user` may perform `action` on `resource`: the role must hold the permission, the resource
 * must be in the user's district, and an enterprise account only ever reaches its own enterprise.
 */
export function allow(user: Principal | null, action: Permission, resource?: ResourceScope): boolean {
  if (!roleMay(user?.role ?? null, action)) return false;
  if (!resource || !user) return true;
  if (resource.districtId !== undefined && resource.districtId !== user.districtId) return false;
  if (user.role === "enterprise") {
    if (resource.enterpriseId === undefined || resource.enterpriseId === null) return false;
    return resource.enterpriseId === user.enterpriseId;
  }
  return true;
}
