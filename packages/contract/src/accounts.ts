/**
 * Accounts: signing in and out, the session, password changes, and the office's management of accounts
 * (/api/auth/*, /api/users*). The roles are the product's: every district has the same five.
 */
import { z } from "zod";
import { Timestamp } from "./common";

export const ROLES = ["office", "leader", "unit", "inspector", "enterprise"] as const;
export type Role = (typeof ROLES)[number];

const role = z.enum(ROLES, { error: "角色须为 office、leader、unit、inspector 或 enterprise" });

// ---------------------------------------------------------------- requests

export const LoginSchema = z.object({
  username: z.string().min(1, "请输入用户名").max(100),
  password: z.string().min(1, "请输入密码").max(200),
});
export type LoginReq = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, "请输入当前密码").max(200),
  newPassword: z.string().min(1, "请输入新密码").max(200),
});
export type ChangePasswordReq = z.infer<typeof ChangePasswordSchema>;

export const UserCreateSchema = z.object({
  username: z.string().min(1, "请输入用户名").max(40),
  displayName: z.string().trim().min(1, "请输入姓名").max(100),
  role,
  unitId: z.number().int().positive().nullable().optional(),
  enterpriseId: z.number().int().positive().nullable().optional(),
  password: z.string().min(1, "请输入初始密码").max(200),
});
export type UserCreateReq = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: role.optional(),
    unitId: z.number().int().positive().nullable().optional(),
    enterpriseId: z.number().int().positive().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserUpdateReq = z.infer<typeof UserUpdateSchema>;

/** Without newPassword, a temporary password is generated and returned once. */
export const ResetPasswordSchema = z.object({ newPassword: z.string().min(1).max(200).optional() }).strict();
export type ResetPasswordReq = z.infer<typeof ResetPasswordSchema>;

// ---------------------------------------------------------------- responses

/** An account as every route shows it (never its password hash). */
export const UserViewSchema = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.strictObject({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  enterprise: z.strictObject({ id: z.number().int(), name: z.string(), creditCode: z.string() }).nullable(),
  districtId: z.string(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type UserView = z.infer<typeof UserViewSchema>;

/** The signed-in user and the session's CSRF token (login, /api/auth/me). */
export const SessionSchema = z.strictObject({ user: UserViewSchema, csrfToken: z.string().min(1) });
export type Session = z.infer<typeof SessionSchema>;

/** /api/auth/session: the session, or `{user: null}` when nobody is signed in. */
export const SessionStateSchema = z.union([SessionSchema, z.strictObject({ user: z.null() })]);
export type SessionState = z.infer<typeof SessionStateSchema>;

/** An account's remembered failed sign-ins and until when some browser or address must wait to try it. */
export const LoginRestrictionSchema = z.strictObject({
  failures: z.number().int().min(1),
  delayedUntil: Timestamp.nullable(),
});
export type LoginRestriction = z.infer<typeof LoginRestrictionSchema>;

/** An account as the office's list shows it: with its login restrictions, when it has any. */
export const UserListEntrySchema = UserViewSchema.extend({ loginRestriction: LoginRestrictionSchema.nullable() });
export type UserListEntry = z.infer<typeof UserListEntrySchema>;

export const UserListSchema = z.strictObject({ items: z.array(UserListEntrySchema) });
export type UserList = z.infer<typeof UserListSchema>;

/** The account created or changed. */
export const UserAnswerSchema = z.strictObject({ user: UserViewSchema });
export type UserAnswer = z.infer<typeof UserAnswerSchema>;

/** The account whose login restrictions were cleared. */
export const UserUnlockAnswerSchema = z.strictObject({ user: UserListEntrySchema });
export type UserUnlockAnswer = z.infer<typeof UserUnlockAnswerSchema>;

/** A generated password, shown once; a password the office chose is answered with 204. */
export const TemporaryPasswordSchema = z.strictObject({ temporaryPassword: z.string().min(1) });
export type TemporaryPassword = z.infer<typeof TemporaryPasswordSchema>;
