import {
  ResetPasswordSchema,
  TemporaryPasswordSchema,
  UserAnswerSchema,
  UserCreateSchema,
  UserListSchema,
  UserUnlockAnswerSchema,
  UserUpdateSchema,
} from "@beizeng/contract/accounts";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { clearLoginRestrictions, createUser, listUsers, resetPassword, updateUser } from "./users.service";
import { usersXlsx } from "./users-export";

export async function usersRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;
  app.get("/api/users", { config: { permission: "users.manage", response: UserListSchema } }, async (request) => ({
    items: await listUsers(db, currentUser(request).districtId),
  }));

  app.get("/api/users/export", { config: { permission: "users.manage", response: "file" } }, async (request, reply) =>
    sendDownload(reply, {
      fileName: "账号列表.xlsx",
      contentType: CONTENT_TYPES.xlsx,
      body: await usersXlsx(db, currentUser(request).districtId),
    }),
  );

  app.post(
    "/api/users",
    { config: { request: { body: UserCreateSchema }, permission: "users.manage", response: UserAnswerSchema } },
    async (request, reply) => {
      const body = parseInput(UserCreateSchema, request.body, "新建账号");
      const user = await createUser(db, { ...body, districtId: currentUser(request).districtId }, actorOf(request));
      return reply.code(201).send({ user });
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: {
        request: { params: idParamSchema, body: UserUpdateSchema },
        permission: "users.manage",
        response: UserAnswerSchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const body = parseInput(UserUpdateSchema, request.body, "修改账号");
      return { user: await updateUser(db, currentUser(request).districtId, id, body, actorOf(request)) };
    },
  );

  // A generated password is answered once; a password the office chose, with 204.
  app.post(
    "/api/users/:id/reset-password",
    {
      config: {
        request: { params: idParamSchema, body: ResetPasswordSchema },
        permission: "users.manage",
        response: TemporaryPasswordSchema,
      },
    },
    async (request, reply) => {
      const { id } = parseInput(idParamSchema, request.params);
      const body = parseInput(ResetPasswordSchema, request.body ?? {}, "重置密码");
      const result = await resetPassword(db, currentUser(request).districtId, id, body.newPassword, actorOf(request));
      if (!result.temporaryPassword) return reply.code(204).send();
      return result;
    },
  );

  // Clears the account's remembered login failures, so that no browser or address waits to try it any longer.
  app.post(
    "/api/users/:id/unlock",
    { config: { request: { params: idParamSchema }, permission: "users.manage", response: UserUnlockAnswerSchema } },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return { user: await clearLoginRestrictions(db, currentUser(request).districtId, id, actorOf(request)) };
    },
  );
}
