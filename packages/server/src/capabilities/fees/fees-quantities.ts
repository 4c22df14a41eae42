/**
 * The M11 inspection task's quantity computed from the inspections recorded (docs/supervision.md): the district's
 * inspections whose day falls in the period.
 */
import { registerTaskQuantitySource } from "../supervision/index";
import { countFeeInspections } from "./fees.repository";

registerTaskQuantitySource("fees.inspections", async (db, query) =>
  BigInt(await countFeeInspections(db, query.districtId, query.from, query.to)),
);
