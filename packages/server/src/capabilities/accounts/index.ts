/** What other capabilities, the app and the command line use of this capability. */
export { authRoutes } from "./auth.routes";
export { usersRoutes } from "./users.routes";
export type { UserView } from "./users.service";
export { createUser, getUserView, temporaryPassword } from "./users.service";
