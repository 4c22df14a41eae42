/** What other capabilities, the app and the command line use of this capability. */
export { enterpriseSupportRoutes } from "./enterprise-support.routes";
