import { pageQueryFields } from "@beizeng/contract/common";
import { z } from "zod";
import { badRequest, type ErrorDetail } from "../errors";

const chineseErrors = z.locales.zhCN().localeError;

function fieldName(path: PropertyKey[]): string {
  return path.length === 0 ? "请求内容" : path.map((p) => String(p)).join(".");
}

/**
 * Parses request input with a zod schema. On failure throws a 400 whose message names each field
 * in Chinese (e.g. "字段 username：无效输入…"), with one detail per problem.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "请求"): z.output<S> {
  const result = schema.safeParse(input, { error: chineseErrors });
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({
    path: fieldName(issue.path),
    message: `字段 ${fieldName(issue.path)}：${issue.message}`,
  }));
  throw badRequest(`${what}参数有误：${details.map((d) => d.message).join("；")}`, details);
}

/** A positive integer id in a path such as /api/users/:id. */
export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

/** page / pageSize query parameters, with sane bounds (the contract's, for the schemas still kept here). */
export const pageQuerySchema = pageQueryFields;
