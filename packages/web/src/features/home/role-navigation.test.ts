import { describe, expect, it } from "vitest";
import { navigationByRole, navigationFor, selectedNavigationPath } from "./role-navigation";

describe("role navigation", () => {
  it("gives the office the administration pages and no one else", () => {
    const adminPaths = ["/admin/users", "/admin/units", "/admin/calendar", "/admin/audit"];
    expect(navigationByRole.office.map((item) => item.path)).toEqual(expect.arrayContaining(adminPaths));
    for (const role of ["leader", "unit", "inspector", "enterprise"] as const) {
      expect(navigationByRole[role].some((item) => adminPaths.includes(item.path))).toBe(false);
    }
  });

  it("gives an enterprise its own page instead of the register", () => {
    const paths = navigationByRole.enterprise.map((item) => item.path);
    expect(paths).toEqual([
      "/",
      "/plan",
      "/my-enterprise",
      "/requests",
      "/fee-list",
      "/events",
      "/talent",
      "/my-rewards",
    ]);
  });

  it("lists the entries roles share in one order for every role", () => {
    const officeOrder = navigationByRole.office.map((item) => item.path);
    for (const role of ["leader", "unit", "inspector"] as const) {
      const paths = navigationByRole[role].map((item) => item.path);
      expect(paths, role).toEqual(officeOrder.filter((path) => paths.includes(path)));
    }
  });

  it("offers 数据导入 to the office and to the units that confirm figures only", () => {
    const hasImports = (user: Parameters<typeof navigationFor>[0]) =>
      navigationFor(user).some((item) => item.path === "/imports");
    expect(hasImports({ role: "office" })).toBe(true);
    expect(hasImports({ role: "unit", unit: { duties: ["confirmFigures"] } })).toBe(true);
    expect(hasImports({ role: "unit", unit: { duties: ["payRewards"] } })).toBe(false);
    expect(hasImports({ role: "unit", unit: null })).toBe(false);
    expect(hasImports({ role: "leader" })).toBe(false);
  });

  it("selects the menu entry of a nested page", () => {
    expect(selectedNavigationPath(navigationByRole.office, "/enterprises/12")).toBe("/enterprises");
    expect(selectedNavigationPath(navigationByRole.office, "/")).toBe("/");
    expect(selectedNavigationPath(navigationByRole.office, "/account/password")).toBeUndefined();
  });
});
