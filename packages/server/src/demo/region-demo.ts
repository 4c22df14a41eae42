/**
 * The demo's region (市): a city above the demo district, and its read-only account, so that the region's pages —
 * its districts side by side, and a district's own pages opened read only — can be tried with the demo.
 */
import { addDistrictsToRegion, createRegion, createRegionAccount } from "../capabilities/regions/index";
import { findUserByUsername, findUserProfile, type UserProfileRow } from "../platform/auth/users.repository";
import type { DbContext } from "../platform/db/database";
import { findRegion } from "../platform/plan/regions.repository";
import { DEMO_ACTOR, type DemoWriter } from "./demo-writer";
import { DEMO_ACCOUNT_LOGINS } from "./generate";

export const DEMO_REGION = { id: "demo-city", name: "景德镇市（演示）", nameEn: "Jingdezhen City (demo)" };

const REGION_LOGINS = DEMO_ACCOUNT_LOGINS.filter((login) => login.role === "region");

/**
 * The region over the demo district, and the demo's region accounts. A demo loaded once more as a district of its
 * own (forced) joins the region that is there already, whose accounts then read it too.
 */
export async function playRegion(writer: DemoWriter): Promise<void> {
  if (await findRegion(writer.tx, DEMO_REGION.id)) {
    await addDistrictsToRegion(writer.tx, DEMO_REGION.id, [writer.districtId], DEMO_ACTOR);
    return;
  }
  await createRegion(writer.tx, { ...DEMO_REGION, districtIds: [writer.districtId] }, DEMO_ACTOR);
  for (const login of REGION_LOGINS) {
    const user = await createRegionAccount(
      writer.tx,
      {
        regionId: DEMO_REGION.id,
        username: login.username,
        displayName: login.displayName,
        password: login.password,
        mustChangePassword: false,
      },
      DEMO_ACTOR,
    );
    writer.ids.users.set(login.username, user.id);
  }
}

/** The demo's region accounts as stored (they belong to the region, not to the district's list of accounts). */
export async function demoRegionProfiles(db: DbContext): Promise<UserProfileRow[]> {
  const profiles: UserProfileRow[] = [];
  for (const login of REGION_LOGINS) {
    const user = await findUserByUsername(db, login.username);
    const profile = user && user.region_id !== null ? await findUserProfile(db, user.id) : undefined;
    if (profile) profiles.push(profile);
  }
  return profiles;
}
