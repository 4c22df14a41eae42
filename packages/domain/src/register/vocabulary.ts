/**
 * Words the product fixes for the enterprise register: above-scale statuses, listing stages, designations and
 * their levels, kinds of service note, monitoring warnings' states and the figures entered by hand. Declared once,
 * without zod, for the server that stores them, the contract that checks them and the web that offers them.
 * An enterprise's industry chain is not among them: the chains are the district's plan's.
 */

/** An enterprise's above-scale (规上) status in a year: above the threshold, in the reserve pool, or neither. */
export const SCALE_STATUSES = ["above", "reserve", "other"] as const;
export type ScaleStatus = (typeof SCALE_STATUSES)[number];

/** The listing pipeline in its order: 挂牌展示 → 股改 → 新三板 / 境内上市 / 境外上市. */
export const LISTING_STAGES = ["display", "shareholding", "neeq", "domestic", "overseas"] as const;
export type ListingStage = (typeof LISTING_STAGES)[number];

/** 专精特新, 小巨人, 单项冠军, 两化融合. */
export const DESIGNATION_KINDS = ["specialized", "little_giant", "single_champion", "integration"] as const;
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];

export const DESIGNATION_LEVELS = ["national", "provincial", "municipal"] as const;
export type DesignationLevel = (typeof DESIGNATION_LEVELS)[number];

/** An enterprise's role in one of the plan's chains, designated for a year: 链主型 (leader) or 骨干型 (backbone). */
export const CHAIN_ROLES = ["leader", "backbone"] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

/** A leader's visit (走访) or a 一企一策 note. */
export const SERVICE_NOTE_KINDS = ["visit", "policy"] as const;
export type ServiceNoteKind = (typeof SERVICE_NOTE_KINDS)[number];

/** A monitoring warning is open while the fall lasts, resolved once it no longer does. */
export const WARNING_STATUSES = ["open", "resolved"] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/**
 * The figures staff enter by hand on an enterprise's page; the spreadsheet import reads more. Each is one of the
 * figures' metrics (the contract checks that it stays so).
 */
export const ENTRY_METRICS = ["revenue", "tax", "output", "employees", "fixed_asset_investment"] as const;
export type EntryMetric = (typeof ENTRY_METRICS)[number];

/** How a chain is written in the plan and in requests: lowercase letters, digits and dashes (new-materials). */
export const CHAIN_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
