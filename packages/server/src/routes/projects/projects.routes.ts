import type { FastifyInstance } from "fastify";
import type { DbContext } from "../../db/database";
import { currentUser } from "../../http/request-context";
import { parseInput } from "../../http/validation";
import { listProjects } from "../../services/projects.service";
import { ProjectQuerySchema } from "./schema";

export async function projectsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  app.get("/api/projects", { config: { permission: "projects.read" } }, async (request) =>
    listProjects(opts.db, currentUser(request), parseInput(ProjectQuerySchema, request.query, "查询项目")),
  );
}
