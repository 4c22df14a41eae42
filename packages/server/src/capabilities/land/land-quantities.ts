/**
 * The M1 tasks' quantities from the land records (docs/supervision.md): the area recovered from idleness and the
 * zombie enterprises disposed of in a period, the district's (the parcels and cases are not kept per unit).
 */

import { muText } from "@beizeng/domain/land/vocabulary";
import { registerTaskQuantitySource } from "../supervision/index";
import { disposedCountBetween, recoveredAreaBetween } from "./land.repository";

registerTaskQuantitySource("land.idleAreaRecovered", async (db, { districtId, from, to }) =>
  muText(await recoveredAreaBetween(db, districtId, from, to)),
);
registerTaskQuantitySource("zombies.disposed", async (db, { districtId, from, to }) =>
  disposedCountBetween(db, districtId, from, to),
);
