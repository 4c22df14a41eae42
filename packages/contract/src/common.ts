/**
 * Pieces every part of the contract uses: amounts, dates and identifiers as they travel in JSON.
 * Money travels as the decimal text of its integer fen (JSON has no integer wide enough), never as a float.
 */
import { z } from "zod";

/** An amount in fen as decimal text: "123456" is 1,234.56 元. */
export const FenText = z.string().regex(/^-?\d+$/, "金额应为以分计的整数文本");

/** A moment as ISO 8601 text (UTC), as the server stores and sends it. */
export const Timestamp = z.string().min(1);

/** A calendar day, "YYYY-MM-DD". */
export const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");
