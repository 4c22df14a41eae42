/** The menu each role sees. */
export { navigationByRole, selectedNavigationPath } from "./role-navigation";
