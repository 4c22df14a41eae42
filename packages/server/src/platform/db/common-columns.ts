import type { ColumnType } from "kysely";

/**
 * A BIGINT column (money in fen, or a figure's value). Read back as a decimal string on both
 * dialects so that no value ever passes through a binary float; write a bigint, string or integer.
 * Such columns are named `*_fen` or `value` (the SQLite driver relies on that name to keep them exact).
 */
export type Int8 = ColumnType<string, bigint | string | number, bigint | string | number>;

/** 0 or 1: booleans are stored as integers on both dialects, so one migration serves both. */
export type Flag = number;

/** An ISO-8601 timestamp in UTC, stored as text on both dialects (sorts lexicographically). */
export type Timestamp = string;
