/** What other capabilities, the app and the command line use of this capability. */

export type { UserView } from "@beizeng/contract/accounts";
export { accountActivationRoutes } from "./activation.routes";
export { authRoutes } from "./auth.routes";
export { usersRoutes } from "./users.routes";
export { createUser, getUserView, temporaryPassword } from "./users.service";
