import { RegionOverviewSchema, RegionViewingSchema, RegionViewSchema } from "@beizeng/contract/regions";
import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { forbidden } from "../../platform/errors";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { parseInput } from "../../platform/http/validation";
import { regionOverview, regionOverviewXlsx } from "./region-overview.service";
import { regionViewOf, viewRegionDistrict } from "./regions.service";

export async function regionsRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get("/api/region", { config: { permission: "region.read", response: RegionViewSchema } }, async (request) =>
    regionViewOf(db, currentUser(request)),
  );

  // Which of the region's districts the session reads: the district's own pages then answer for it, read only.
  app.put(
    "/api/region/viewing",
    { config: { request: { body: RegionViewingSchema }, permission: "region.view", response: RegionViewSchema } },
    async (request) => {
      const body = parseInput(RegionViewingSchema, request.body, "选择区县");
      const auth = request.auth;
      if (!auth) throw forbidden();
      return viewRegionDistrict(db, auth.user, auth.session.id, body.districtId);
    },
  );

  app.get(
    "/api/region/overview",
    { config: { permission: "region.read", response: RegionOverviewSchema } },
    async (request) => {
      const user = currentUser(request);
      if (!user.regionId) throw forbidden("此账号不属于任何区域");
      return regionOverview(db, user.regionId);
    },
  );

  app.get(
    "/api/region/overview/export.xlsx",
    { config: { permission: "region.read", response: "file" } },
    async (request, reply) => {
      const user = currentUser(request);
      if (!user.regionId) throw forbidden("此账号不属于任何区域");
      const overview = await regionOverview(db, user.regionId);
      return sendDownload(reply, {
        fileName: `${overview.region.name}各区县目标对比.xlsx`,
        contentType: CONTENT_TYPES.xlsx,
        body: await regionOverviewXlsx(overview),
      });
    },
  );
}
