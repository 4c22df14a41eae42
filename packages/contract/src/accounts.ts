/**
 * Accounts: signing in and out, the session, password changes, and the office's management of accounts
 * (/api/auth/*, /api/users*). The roles are the product's: every district has the same five, and a region (市/省)
 * above districts has its own.
 */
import { DISTRICT_ROLES, ROLES } from "@beizeng/domain/accounts/vocabulary";
import { UNIT_DUTIES, UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import { z } from "zod";
import { Timestamp } from "./common";

export { ROLES, type Role } from "@beizeng/domain/accounts/vocabulary";

// The office manages its district's accounts; a region's accounts are made by the platform's operator.
const role = z.enum(DISTRICT_ROLES, { error: "角色须为 office、leader、unit、inspector 或 enterprise" });

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
  /**
   * The account's unit, with its kind and the duties the district's active plan gives it: what the web offers a
   * unit account beyond its own tasks (confirming figures, entering investment …) follows these, never a unit's id.
   */
  unit: z
    .strictObject({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      kind: z.enum(UNIT_KINDS),
      duties: z.array(z.enum(UNIT_DUTIES)),
    })
    .nullable(),
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

// ---------------------------------------------------------------- enterprise accounts made from the register

/**
 * Which of the district's registered enterprises get an account (/api/users/enterprise-accounts*): every
 * filter given narrows the choice, none means every enterprise of the register. Enterprises that already have
 * an account are skipped. validDays: how long the activation codes hold (default: the server's setting).
 */
export const EnterpriseAccountsSelectionSchema = z.strictObject({
  aboveScale: z.boolean().optional(),
  key: z.boolean().optional(),
  town: z.number().int().positive().optional(),
  chain: z.string().trim().min(1).max(64).optional(),
  enterpriseIds: z.array(z.number().int().positive()).min(1, "请至少选择一家企业").max(5000).optional(),
  validDays: z.number().int().min(1, "有效期至少 1 天").max(180, "有效期最多 180 天").optional(),
});
export type EnterpriseAccountsSelection = z.infer<typeof EnterpriseAccountsSelectionSchema>;

/** The office issues a new activation code to one enterprise account; any earlier code becomes void. */
export const ActivationCodeIssueSchema = z.strictObject({
  validDays: z.number().int().min(1, "有效期至少 1 天").max(180, "有效期最多 180 天").optional(),
});
export type ActivationCodeIssueReq = z.infer<typeof ActivationCodeIssueSchema>;

/** The enterprise activates its account (no login): its username or credit code, the code, its own password. */
export const ActivateAccountSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名或统一社会信用代码").max(100),
  activationCode: z.string().trim().min(1, "请输入激活码").max(100),
  newPassword: z.string().min(1, "请输入新密码").max(200),
});
export type ActivateAccountReq = z.infer<typeof ActivateAccountSchema>;

/** An account that the creation would make. */
export const PlannedEnterpriseAccountSchema = z.strictObject({
  enterpriseId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  username: z.string(),
});
export type PlannedEnterpriseAccount = z.infer<typeof PlannedEnterpriseAccountSchema>;

/** A chosen enterprise that already has accounts (their usernames): the creation leaves it alone. */
export const SkippedEnterpriseSchema = z.strictObject({
  enterpriseId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  usernames: z.array(z.string()),
});
export type SkippedEnterprise = z.infer<typeof SkippedEnterpriseSchema>;

/** What creating accounts for a selection would do; nothing is written. */
export const EnterpriseAccountsPreviewSchema = z.strictObject({
  /** Enterprises the selection chose. */
  selected: z.number().int().min(0),
  toCreate: z.array(PlannedEnterpriseAccountSchema),
  skipped: z.array(SkippedEnterpriseSchema),
  validDays: z.number().int().min(1),
  /** When codes issued now would expire. */
  expiresAt: Timestamp,
});
export type EnterpriseAccountsPreview = z.infer<typeof EnterpriseAccountsPreviewSchema>;

/** A new activation code, shown this once (only its hash is kept), with the address where it is used. */
export const ActivationCodeAnswerSchema = z.strictObject({
  username: z.string(),
  activationCode: z.string(),
  expiresAt: Timestamp,
  activationUrl: z.string(),
});
export type ActivationCodeAnswer = z.infer<typeof ActivationCodeAnswerSchema>;

/** pending: the code may still be used; expired: it may not, the office issues another. */
export const ACTIVATION_STATES = ["pending", "expired"] as const;
export type ActivationState = (typeof ACTIVATION_STATES)[number];

/** An account waiting for activation: its current code's dates (never the code). */
export const AccountActivationSchema = z.strictObject({
  userId: z.number().int(),
  issuedAt: Timestamp,
  expiresAt: Timestamp,
  state: z.enum(ACTIVATION_STATES),
});
export type AccountActivation = z.infer<typeof AccountActivationSchema>;

export const AccountActivationListSchema = z.strictObject({ items: z.array(AccountActivationSchema) });
export type AccountActivationList = z.infer<typeof AccountActivationListSchema>;

/** The account activated: its username, to sign in with. */
export const ActivationAnswerSchema = z.strictObject({ username: z.string() });
export type ActivationAnswer = z.infer<typeof ActivationAnswerSchema>;
