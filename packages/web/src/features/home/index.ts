/** The menu each role sees. */
export { navigationByRole, navigationFor, selectedNavigationPath } from "./role-navigation";
