/** What other capabilities, the app and the command line use of this capability. */
export { auditRoutes } from "./audit.routes";
