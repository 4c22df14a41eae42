import type { Generated, Selectable } from "kysely";
import type { Flag } from "../../platform/db/common-columns";

export interface UnitTable {
  id: Generated<number>;
  district_id: string;
  /** The plan's unit id, e.g. "gxj". */
  code: string;
  name: string;
  name_en: string;
  kind: string;
  /** Towns and streets may be edited by the office; departments named by the plan are fixed. */
  editable: Flag;
  active: Generated<Flag>;
}
export type UnitRow = Selectable<UnitTable>;
