import { z } from "zod";

export const UnitCreateSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "单位代码须为小写字母开头的字母、数字或连字符"),
  name: z.string().trim().min(1, "请输入单位名称").max(100),
  nameEn: z.string().trim().min(1, "请输入英文名称").max(200),
  kind: z.enum(["town", "street"], { error: "只能新增乡镇（town）或街道（street）" }),
});
export type UnitCreateReq = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().min(1).max(200).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UnitUpdateReq = z.infer<typeof UnitUpdateSchema>;
