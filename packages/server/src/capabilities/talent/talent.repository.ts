/** The talent ledger's people, the job posts (with their enterprise's name) and the recommendations. */
import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type {
  JobPostRow,
  JobPostTable,
  TalentPersonTable,
  TalentRecommendationRow,
  TalentRecommendationTable,
} from "./talent.table";

// ---------------------------------------------------------------- people

export function findPeople(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("talent_people")
    .selectAll()
    .where("district_id", "=", districtId)
    .orderBy("recorded_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function findPerson(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("talent_people")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The ids of the district's people by mobile number, to refuse a second entry of one person. */
export async function personIdsByPhone(db: DbContext, districtId: string): Promise<Map<string, number>> {
  const rows = await db.kysely
    .selectFrom("talent_people")
    .select(["id", "phone"])
    .where("district_id", "=", districtId)
    .execute();
  return new Map(rows.map((row) => [row.phone, row.id]));
}

export async function insertPerson(db: DbContext, row: Insertable<TalentPersonTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("talent_people").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updatePerson(db: DbContext, id: number, values: Updateable<TalentPersonTable>): Promise<void> {
  await db.kysely.updateTable("talent_people").set(values).where("id", "=", id).execute();
}

/** Removes a person; their recommendations stay under the masked name they were made with (person_id set null). */
export async function deletePerson(db: DbContext, id: number): Promise<void> {
  await db.kysely.updateTable("talent_recommendations").set({ person_id: null }).where("person_id", "=", id).execute();
  await db.kysely.deleteFrom("talent_people").where("id", "=", id).execute();
}

// ---------------------------------------------------------------- posts

export type JobPostWithEnterprise = JobPostRow & { enterprise_name: string };

function postsQuery(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("job_posts as p")
    .innerJoin("enterprises as e", "e.id", "p.enterprise_id")
    .selectAll("p")
    .select("e.name as enterprise_name")
    .where("p.district_id", "=", districtId);
}

export function findPosts(
  db: DbContext,
  districtId: string,
  enterpriseId: number | null,
): Promise<JobPostWithEnterprise[]> {
  let query = postsQuery(db, districtId);
  if (enterpriseId !== null) query = query.where("p.enterprise_id", "=", enterpriseId);
  return query.orderBy("p.posted_on", "desc").orderBy("p.id", "desc").execute();
}

export function findPost(db: DbContext, districtId: string, id: number): Promise<JobPostWithEnterprise | undefined> {
  return postsQuery(db, districtId).where("p.id", "=", id).executeTakeFirst();
}

export async function insertPost(db: DbContext, row: Insertable<JobPostTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("job_posts").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updatePost(db: DbContext, id: number, values: Updateable<JobPostTable>): Promise<void> {
  await db.kysely.updateTable("job_posts").set(values).where("id", "=", id).execute();
}

export async function enterpriseOfDistrict(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "name"])
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- recommendations

export type RecommendationWithPost = TalentRecommendationRow & {
  post_title: string;
  enterprise_id: number;
  enterprise_name: string;
};

function recommendationsQuery(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("talent_recommendations as r")
    .innerJoin("job_posts as p", "p.id", "r.post_id")
    .innerJoin("enterprises as e", "e.id", "p.enterprise_id")
    .selectAll("r")
    .select(["p.title as post_title", "p.enterprise_id", "e.name as enterprise_name"])
    .where("r.district_id", "=", districtId);
}

export function findRecommendations(
  db: DbContext,
  districtId: string,
  enterpriseId: number | null,
): Promise<RecommendationWithPost[]> {
  let query = recommendationsQuery(db, districtId);
  if (enterpriseId !== null) query = query.where("p.enterprise_id", "=", enterpriseId);
  return query.orderBy("r.recommended_on", "desc").orderBy("r.id", "desc").execute();
}

export function findRecommendation(db: DbContext, districtId: string, id: number) {
  return recommendationsQuery(db, districtId).where("r.id", "=", id).executeTakeFirst();
}

export async function insertRecommendation(db: DbContext, row: Insertable<TalentRecommendationTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("talent_recommendations")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateRecommendation(
  db: DbContext,
  id: number,
  values: Updateable<TalentRecommendationTable>,
): Promise<void> {
  await db.kysely.updateTable("talent_recommendations").set(values).where("id", "=", id).execute();
}

// ---------------------------------------------------------------- counts for the plan's task quantities

/** People recorded in the district within the days (both ends included). */
export async function countPeopleRecorded(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("talent_people")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("district_id", "=", districtId)
    .where("recorded_on", ">=", from)
    .where("recorded_on", "<=", to)
    .executeTakeFirst();
  return BigInt(row?.count ?? 0);
}

/** Job posts posted within the days. */
export async function countPostsPosted(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("job_posts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("district_id", "=", districtId)
    .where("posted_on", ">=", from)
    .where("posted_on", "<=", to)
    .executeTakeFirst();
  return BigInt(row?.count ?? 0);
}

/** Recommendations made within the days. */
export async function countRecommendationsMade(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("talent_recommendations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("district_id", "=", districtId)
    .where("recommended_on", ">=", from)
    .where("recommended_on", "<=", to)
    .executeTakeFirst();
  return BigInt(row?.count ?? 0);
}

/** People hired through a recommendation, by the day the hiring was recorded. */
export async function countHired(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("talent_recommendations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("district_id", "=", districtId)
    .where("outcome", "=", "hired")
    .where("outcome_on", ">=", from)
    .where("outcome_on", "<=", to)
    .executeTakeFirst();
  return BigInt(row?.count ?? 0);
}

/**
 * Marks the district's talent records as demo data and dates them as the demo tells (the services date what they
 * write today), so that the ledger and its task quantities spread over the past year.
 */
export async function markTalentRecordsAsDemo(
  db: DbContext,
  districtId: string,
  dates: {
    people: readonly { id: number; day: string }[];
    posts: readonly { id: number; day: string }[];
    recommendations: readonly { id: number; day: string; outcomeOn: string | null }[];
  },
): Promise<void> {
  for (const table of ["talent_people", "job_posts", "talent_recommendations"] as const) {
    await db.kysely.updateTable(table).set({ is_demo: 1 }).where("district_id", "=", districtId).execute();
  }
  for (const { id, day } of dates.people)
    await db.kysely.updateTable("talent_people").set({ recorded_on: day }).where("id", "=", id).execute();
  for (const { id, day } of dates.posts)
    await db.kysely.updateTable("job_posts").set({ posted_on: day }).where("id", "=", id).execute();
  for (const { id, day, outcomeOn } of dates.recommendations)
    await db.kysely
      .updateTable("talent_recommendations")
      .set({ recommended_on: day, outcome_on: outcomeOn })
      .where("id", "=", id)
      .execute();
}
