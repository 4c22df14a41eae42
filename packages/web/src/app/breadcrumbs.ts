import type { Role } from "../features/auth";
import type { navigationByRole } from "../features/home";
import type { MessageKey } from "../shared/i18n/dictionary";

export interface Crumb {
  label: MessageKey;
  /** Absent for the page itself, the last crumb. */
  path?: string;
}

type NavigationItem = (typeof navigationByRole)[Role][number];

interface PageBelowMenu {
  pattern: RegExp;
  label: MessageKey;
  /** The menu entry the page is opened from. */
  parent: string;
  /** A role whose menu opens the page directly under another entry (an enterprise's own page) sees no trail. */
  topLevelUnder?: string;
}

/** The pages below a menu entry; any other path is a menu entry itself or not found, and has no trail. */
const pagesBelowMenu: PageBelowMenu[] = [
  {
    pattern: /^\/enterprises\/[^/]+$/,
    label: "breadcrumb.enterprise",
    parent: "/enterprises",
    topLevelUnder: "/my-enterprise",
  },
  { pattern: /^\/projects\/[^/]+$/, label: "breadcrumb.project", parent: "/projects" },
  { pattern: /^\/tasks\/[^/]+$/, label: "breadcrumb.task", parent: "/tasks" },
  { pattern: /^\/requests\/[^/]+$/, label: "breadcrumb.request", parent: "/requests" },
  { pattern: /^\/rewards\/budget$/, label: "nav.rewardsBudget", parent: "/rewards" },
  { pattern: /^\/rewards\/scenarios$/, label: "scn.title", parent: "/rewards" },
  { pattern: /^\/rewards\/why-not$/, label: "breadcrumb.whyNot", parent: "/rewards" },
  { pattern: /^\/account\/password$/, label: "nav.changePassword", parent: "/" },
];

/**
 * The trail from the home page to a page below the first level (首页 / 奖励兑现 / 奖励预算), each step a link back;
 * empty on the home page and the menu's own entries, which the side menu already marks.
 */
export function breadcrumbTrail(items: NavigationItem[], pathname: string): Crumb[] {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (items.some((item) => item.path === path)) return [];
  const page = pagesBelowMenu.find((candidate) => candidate.pattern.test(path));
  if (!page) return [];
  const parent = items.find((item) => item.path === page.parent);
  if (!parent) {
    if (page.topLevelUnder && items.some((item) => item.path === page.topLevelUnder)) return [];
    if (page.parent !== "/") return [];
  }
  const home = items.find((item) => item.path === "/");
  const trail: Crumb[] = [{ label: home?.label ?? "nav.home", path: "/" }];
  if (parent && parent.path !== "/") trail.push({ label: parent.label, path: parent.path });
  trail.push({ label: page.label });
  return trail;
}
