/** Sign-in as the other features and the app use it: the signed-in user, the server's facts, the password policy. */
export { type CurrentUser, currentUserKey, type Role, useCurrentUser, useLogout } from "./api/auth-api";
export { useMeta } from "./api/meta-api";
export { DemoBanner } from "./components/demo-banner";
export { meetsPasswordPolicy } from "./password-policy";
