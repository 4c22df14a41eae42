/**
 * The talent ledger from a town's .xlsx (the template of `talentTemplate`), all or nothing: every row is checked
 * first, every problem is named by row, column and field (第3行 E列（手机号）：不是有效的手机号码), and only a file
 * without problems is written, in one transaction, each person audited.
 */
import type { TalentImported } from "@beizeng/contract/talent";
import { maskName, maskPhone, normalizeMobile } from "@beizeng/domain/talent/masking";
import { splitWords } from "@beizeng/domain/talent/matching";
import { EDUCATION_LEVELS, EDUCATION_WORDS, educationOf } from "@beizeng/domain/talent/vocabulary";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { findUnitOfAccount } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, forbidden } from "../../platform/errors";
import { buildXlsx, type TableColumn } from "../../platform/exports/table-export";
import { streamFirstSheetRows } from "../../platform/spreadsheets/read-workbook";
import { cellText, columnLetter, isBlank, toCellInput } from "../figures/index";
import { todayInChina } from "../supervision/index";
import { insertPerson, personIdsByPhone } from "./talent.repository";
import { type PersonFields, type TalentContext, talentContext } from "./talent.service";

/** The template's columns, in order; a file may order them otherwise, they are found by their headers. */
const COLUMNS = {
  name: { header: "姓名", width: 12, note: "必填" },
  originTown: {
    header: "来源乡镇（街道）",
    width: 16,
    note: "方案中的乡镇或街道名称；乡镇（街道）导入本地人员时可留空",
  },
  education: {
    header: "学历",
    width: 12,
    note: `填写：${EDUCATION_LEVELS.map((level) => EDUCATION_WORDS[level][0]).join("、")}`,
  },
  skills: { header: "技能特长", width: 28, note: "多项用顿号分隔，例如：数控车床、焊工" },
  phone: { header: "手机号", width: 16, note: "11 位手机号码" },
  experience: { header: "工作经历", width: 36, note: "选填" },
  wishedWork: { header: "就业意向", width: 20, note: "选填，希望从事的工作" },
  wishedPlace: { header: "意向地点", width: 14, note: "选填，方案中的乡镇、街道或园区名称" },
  wishedPay: { header: "期望月薪（元）", width: 14, note: "选填，整数，单位元/月" },
  consentOn: {
    header: "同意日期",
    width: 14,
    note: "本人同意登记并推荐就业的日期，如 2024-05-01；未同意的留空（不会被推荐）",
  },
} as const;
type Field = keyof typeof COLUMNS;

export async function talentTemplate(): Promise<Buffer> {
  const columns: TableColumn<never>[] = Object.values(COLUMNS).map((column) => ({ ...column }));
  return buildXlsx({ sheet: "返乡人才台账", columns, rows: [], head: "list", headerStyle: { wrapped: true } });
}

function headerKey(text: string): string {
  return text
    .replace(/[\s\u3000]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

const FIELD_BY_HEADER = new Map<string, Field>(
  (Object.keys(COLUMNS) as Field[]).flatMap((field) => {
    const header = headerKey(COLUMNS[field].header);
    return [
      [header, field],
      [header.replace(/（[^）]*）$/, ""), field],
    ] as [string, Field][];
  }),
);
FIELD_BY_HEADER.set("来源乡镇", "originTown");
FIELD_BY_HEADER.set("手机号码", "phone");
FIELD_BY_HEADER.set("联系电话", "phone");
FIELD_BY_HEADER.set("期望月薪（元/月）", "wishedPay");

/** A day as a file writes it: 2024-05-01, 2024/5/1, 2024年5月1日, or a spreadsheet's day serial. */
function readDay(text: string): string | null {
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000);
    return day.toISOString().slice(0, 10);
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function placeByName(places: TalentContext["places"], name: string) {
  const written = name.replace(/\s/g, "");
  return places.find((place) => place.name === written);
}

export async function importTalentPeople(
  db: DbContext,
  user: AuthUser,
  upload: { fileName: string; bytes: Buffer },
  actor: Actor,
): Promise<TalentImported> {
  const context = await talentContext(db, user);
  if (!context.keeper && context.ownTown === null)
    throw forbidden("只有管理人才台账的单位或各乡镇（街道）可以导入返乡人才台账");
  const unit = user.unitId === null ? undefined : await findUnitOfAccount(db, user.unitId);
  if (!unit) throw forbidden("只有单位账号可以导入返乡人才台账");
  const known = await personIdsByPhone(db, user.districtId);
  const today = todayInChina();
  const problems: string[] = [];
  const pending: PersonFields[] = [];
  const phones = new Map<string, number>();
  let header: Map<Field, number> | null = null;

  for await (const row of streamFirstSheetRows(upload.bytes)) {
    const cells = Array.from({ length: row.values.length }, (_, column) => toCellInput(row.values[column]));
    if (header === null) {
      const found = new Map<Field, number>();
      cells.forEach((cell, column) => {
        const field = FIELD_BY_HEADER.get(headerKey(cellText(cell)));
        if (field !== undefined && !found.has(field)) found.set(field, column);
      });
      if (!found.has("name") || !found.has("phone")) continue;
      for (const field of ["education", "skills"] as const)
        if (!found.has(field)) problems.push(`第${row.rowNumber}行：缺少“${COLUMNS[field].header}”列`);
      if (!found.has("originTown") && context.ownTown === null)
        problems.push(`第${row.rowNumber}行：缺少“${COLUMNS.originTown.header}”列`);
      header = found;
      continue;
    }
    if (cells.every((cell) => isBlank(cell))) continue;
    const columns = header;
    const text = (field: Field) => {
      const column = columns.get(field);
      return column === undefined ? "" : cellText(cells[column] ?? toCellInput(null));
    };
    const at = (field: Field) => {
      const column = columns.get(field);
      const where = column === undefined ? "" : ` ${columnLetter(column)}列`;
      return `第${row.rowNumber}行${where}（${COLUMNS[field].header.replace(/（[^）]*）$/, "")}）`;
    };
    const before = problems.length;
    const name = text("name");
    if (name === "") problems.push(`${at("name")}：请填写姓名`);
    else if (name.length > 30) problems.push(`${at("name")}：不能超过 30 个字`);

    const townName = text("originTown");
    let originTown = context.ownTown?.id ?? "";
    if (townName !== "") {
      const town = placeByName(context.towns, townName);
      if (!town) problems.push(`${at("originTown")}：“${townName}”不是方案中的乡镇或街道`);
      else if (!context.keeper && town.id !== context.ownTown?.id)
        problems.push(
          `${at("originTown")}：${context.ownTown?.name}只能导入本乡镇（街道）的人员，不能导入“${townName}”的`,
        );
      else originTown = town.id;
    } else if (context.ownTown === null) problems.push(`${at("originTown")}：请填写来源乡镇（街道）`);

    const educationText = text("education");
    const education = educationOf(educationText);
    if (education === undefined)
      problems.push(
        `${at("education")}：${educationText === "" ? "请填写学历" : `无法识别的学历“${educationText}”`}（可填：${EDUCATION_LEVELS.map((level) => EDUCATION_WORDS[level][0]).join("、")}）`,
      );

    const skills = splitWords(text("skills"));
    if (skills.length === 0) problems.push(`${at("skills")}：请填写技能特长`);
    else if (skills.length > 20 || skills.some((skill) => skill.length > 30))
      problems.push(`${at("skills")}：至多 20 项，每项不超过 30 个字`);

    const phoneText = text("phone");
    const phone = normalizeMobile(phoneText);
    if (phoneText === "") problems.push(`${at("phone")}：请填写手机号`);
    else if (phone === null) problems.push(`${at("phone")}：不是有效的手机号码`);
    else if (known.has(phone)) problems.push(`${at("phone")}：该手机号已在台账中`);
    else if (phones.has(phone)) problems.push(`${at("phone")}：与第${phones.get(phone)}行的手机号重复`);
    else phones.set(phone, row.rowNumber);

    const experience = text("experience");
    if (experience.length > 500) problems.push(`${at("experience")}：不能超过 500 个字`);
    const wishedWork = text("wishedWork");
    if (wishedWork.length > 100) problems.push(`${at("wishedWork")}：不能超过 100 个字`);

    const placeName = text("wishedPlace");
    const wishedPlace = placeName === "" ? null : (placeByName(context.places, placeName)?.id ?? null);
    if (placeName !== "" && wishedPlace === null)
      problems.push(`${at("wishedPlace")}：“${placeName}”不是方案中的乡镇、街道或园区`);

    const payText = text("wishedPay").replace(/[,，]/g, "");
    const wishedPay = payText === "" ? null : /^\d{1,7}$/.test(payText) ? Number(payText) : Number.NaN;
    if (Number.isNaN(wishedPay)) problems.push(`${at("wishedPay")}：应为以元为单位的整数，实为“${text("wishedPay")}”`);

    const consentText = text("consentOn");
    const consentOn = consentText === "" ? null : readDay(consentText);
    if (consentText !== "" && consentOn === null)
      problems.push(`${at("consentOn")}：无法识别的日期“${consentText}”（应如 2024-05-01）`);
    else if (consentOn !== null && consentOn > today) problems.push(`${at("consentOn")}：不能晚于今天`);

    if (problems.length > before || education === undefined || phone === null) continue;
    pending.push({
      name,
      phone,
      originTown,
      education,
      skills,
      experience,
      wishedWork,
      wishedPlace,
      wishedPay,
      consentOn,
    });
  }
  if (header === null) problems.push("找不到表头：应有“姓名”“手机号”“学历”“技能特长”等列（请使用导入模板）");
  else if (pending.length === 0 && problems.length === 0) problems.push("文件中没有人员");
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `（另有 ${problems.length - shown.length} 处）` : "";
    throw badRequest(
      `导入未执行，文件「${upload.fileName}」有 ${problems.length} 处错误${more}：${shown.join("；")}`,
      shown.map((message) => ({ path: "file", message })),
    );
  }
  return inTransaction(db, async (tx) => {
    const now = new Date();
    for (const fields of pending) {
      const id = await insertPerson(tx, {
        district_id: user.districtId,
        name: fields.name,
        phone: fields.phone,
        origin_town: fields.originTown,
        education: fields.education,
        skills: JSON.stringify(fields.skills),
        experience: fields.experience,
        wished_work: fields.wishedWork,
        wished_place: fields.wishedPlace,
        wished_pay: fields.wishedPay,
        consent_on: fields.consentOn,
        recorded_by_unit: unit.code,
        recorded_on: todayInChina(now),
        created_by: user.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(tx, {
        districtId: user.districtId,
        actor,
        action: "import",
        entityType: "talent_person",
        entityId: id,
        after: {
          name: maskName(fields.name),
          phone: maskPhone(fields.phone),
          originTown: fields.originTown,
          education: fields.education,
          skills: fields.skills,
          consentOn: fields.consentOn,
          file: upload.fileName,
        },
      });
    }
    return { rows: pending.length, people: pending.length };
  });
}
