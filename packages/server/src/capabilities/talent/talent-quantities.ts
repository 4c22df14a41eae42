/**
 * M13's task quantities computed from the talent ledger's records (docs/supervision.md): the district's people
 * recorded, job posts posted, recommendations made and hirings recorded whose day falls in the period. The ledger
 * is one for the district, whoever recorded each person, so the tasks' lead unit counts all of it.
 */
import { registerTaskQuantitySource } from "../supervision/index";
import { countHired, countPeopleRecorded, countPostsPosted, countRecommendationsMade } from "./talent.repository";

registerTaskQuantitySource("talent.peopleRecorded", (db, q) => countPeopleRecorded(db, q.districtId, q.from, q.to));
registerTaskQuantitySource("talent.jobsPosted", (db, q) => countPostsPosted(db, q.districtId, q.from, q.to));
registerTaskQuantitySource("talent.recommended", (db, q) => countRecommendationsMade(db, q.districtId, q.from, q.to));
registerTaskQuantitySource("talent.hired", (db, q) => countHired(db, q.districtId, q.from, q.to));
