import { describe, expect, it } from "vitest";
import { navigationByRole } from "../features/home";
import { breadcrumbTrail } from "./breadcrumbs";

describe("breadcrumb trail", () => {
  it("leads from the home page through the menu entry to a page below it, each step but the last a link", () => {
    expect(breadcrumbTrail(navigationByRole.office, "/rewards/budget")).toEqual([
      { label: "nav.home", path: "/" },
      { label: "nav.rewards", path: "/rewards" },
      { label: "nav.rewardsBudget" },
    ]);
    expect(breadcrumbTrail(navigationByRole.unit, "/projects/30/")).toEqual([
      { label: "nav.home", path: "/" },
      { label: "nav.projects", path: "/projects" },
      { label: "breadcrumb.project" },
    ]);
  });

  it("names the menu entry as the role's menu names it", () => {
    expect(breadcrumbTrail(navigationByRole.enterprise, "/requests/4")[1]).toEqual({
      label: "nav.myRequests",
      path: "/requests",
    });
  });

  it("shows no trail on the home page, on a menu entry, or on a path that is no page", () => {
    expect(breadcrumbTrail(navigationByRole.office, "/")).toEqual([]);
    expect(breadcrumbTrail(navigationByRole.office, "/rewards")).toEqual([]);
    expect(breadcrumbTrail(navigationByRole.office, "/admin/users")).toEqual([]);
    expect(breadcrumbTrail(navigationByRole.office, "/no/such/page")).toEqual([]);
  });

  it("treats an enterprise's own page as its menu entry 本企业, and a page its menu lacks as none", () => {
    expect(breadcrumbTrail(navigationByRole.enterprise, "/enterprises/6")).toEqual([]);
    expect(breadcrumbTrail(navigationByRole.enterprise, "/projects/3")).toEqual([]);
    expect(breadcrumbTrail(navigationByRole.enterprise, "/account/password")).toEqual([
      { label: "nav.home", path: "/" },
      { label: "nav.changePassword" },
    ]);
  });
});
