import { z } from "zod";

const role = z.enum(["office", "leader", "unit", "inspector", "enterprise"], {
  error: "角色须为 office、leader、unit、inspector 或 enterprise",
});

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
