import type { MessageKey } from "../../shared/i18n/dictionary";
import type { Role } from "../auth";

export interface NavigationItem {
  path: string;
  label: MessageKey;
  hint: MessageKey;
}

const home: NavigationItem = { path: "/", label: "nav.home", hint: "nav.homeHint" };
const plan: NavigationItem = { path: "/plan", label: "nav.plan", hint: "nav.planHint" };
const enterprises: NavigationItem = { path: "/enterprises", label: "nav.enterprises", hint: "nav.enterprisesHint" };
const projects: NavigationItem = { path: "/projects", label: "nav.projects", hint: "nav.projectsHint" };
const ownEnterprise: NavigationItem = {
  path: "/my-enterprise",
  label: "nav.ownEnterprise",
  hint: "nav.ownEnterpriseHint",
};
const users: NavigationItem = { path: "/admin/users", label: "nav.users", hint: "nav.usersHint" };
const units: NavigationItem = { path: "/admin/units", label: "nav.units", hint: "nav.unitsHint" };
const audit: NavigationItem = { path: "/admin/audit", label: "nav.audit", hint: "nav.auditHint" };
const calendar: NavigationItem = { path: "/admin/calendar", label: "cal.nav", hint: "cal.navHint" };
const targets: NavigationItem = { path: "/targets", label: "nav.targets", hint: "nav.targetsHint" };
const board: NavigationItem = { path: "/board", label: "nav.board", hint: "nav.boardHint" };
const imports: NavigationItem = { path: "/imports", label: "nav.imports", hint: "nav.importsHint" };
const monitoring: NavigationItem = { path: "/monitoring", label: "nav.monitoring", hint: "nav.monitoringHint" };

const tasks: NavigationItem = { path: "/tasks", label: "nav.tasks", hint: "nav.tasksHint" };
const supervision: NavigationItem = { path: "/supervision", label: "nav.supervision", hint: "nav.supervisionHint" };
const rewards: NavigationItem = { path: "/rewards", label: "nav.rewards", hint: "nav.rewardsHint" };
const requests: NavigationItem = { path: "/requests", label: "nav.requests", hint: "nav.requestsHint" };
const serviceDays: NavigationItem = { path: "/service-days", label: "nav.serviceDays", hint: "nav.serviceDaysHint" };
const myRequests: NavigationItem = { path: "/requests", label: "nav.myRequests", hint: "nav.myRequestsHint" };
const myRewards: NavigationItem = { path: "/my-rewards", label: "nav.myRewards", hint: "nav.myRewardsHint" };
const fees: NavigationItem = { path: "/fee-list", label: "fee.nav", hint: "fee.navHint" };
const land: NavigationItem = { path: "/land", label: "land.nav", hint: "land.navHint" };
const events: NavigationItem = { path: "/events", label: "evt.nav", hint: "evt.navHint" };
const talent: NavigationItem = { path: "/talent", label: "tal.nav", hint: "tal.navHint" };
const jobPosts: NavigationItem = { path: "/talent", label: "tal.myNav", hint: "tal.myNavHint" };
const regionBoard: NavigationItem = { path: "/region/board", label: "region.boardNav", hint: "region.boardNavHint" };
const districtDashboard: NavigationItem = {
  path: "/dashboard",
  label: "region.dashboardNav",
  hint: "region.dashboardNavHint",
};

/** The side menu of each role: what it may open, in the order it works. */
export const navigationByRole: Record<Role, NavigationItem[]> = {
  office: [
    home,
    plan,
    targets,
    board,
    enterprises,
    monitoring,
    imports,
    projects,
    land,
    requests,
    serviceDays,
    fees,
    events,
    talent,
    rewards,
    tasks,
    supervision,
    users,
    units,
    calendar,
    audit,
  ],
  leader: [
    home,
    plan,
    targets,
    board,
    enterprises,
    monitoring,
    projects,
    land,
    requests,
    serviceDays,
    fees,
    events,
    talent,
    rewards,
    tasks,
    supervision,
  ],
  inspector: [
    home,
    plan,
    targets,
    board,
    enterprises,
    monitoring,
    projects,
    land,
    requests,
    serviceDays,
    fees,
    events,
    talent,
    rewards,
    tasks,
    supervision,
  ],
  unit: [
    home,
    plan,
    targets,
    enterprises,
    monitoring,
    imports,
    projects,
    land,
    requests,
    serviceDays,
    fees,
    events,
    talent,
    rewards,
    tasks,
    supervision,
  ],
  enterprise: [home, plan, ownEnterprise, myRequests, fees, events, jobPosts, myRewards],
  // A city or province: its home compares its districts; then the district it reads, read only.
  region: [home, regionBoard, districtDashboard, targets, enterprises, monitoring, projects, plan],
};

/**
 * The menu of one account: its role's, less 数据导入 for a unit the plan gives no figures to confirm (only the units
 * that confirm figures, 区统计局 and 区税务局 in the shipped plan, import them).
 */
export function navigationFor(user: { role: Role; unit?: { duties: readonly string[] } | null }): NavigationItem[] {
  const items = navigationByRole[user.role];
  if (user.role !== "unit" || user.unit?.duties.includes("confirmFigures")) return items;
  return items.filter((item) => item.path !== imports.path);
}

/** The menu entry a path belongs to (the longest matching prefix). */
export function selectedNavigationPath(items: NavigationItem[], pathname: string): string | undefined {
  let best: NavigationItem | undefined;
  for (const item of items) {
    const matches =
      item.path === "/" ? pathname === "/" : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.path;
}
