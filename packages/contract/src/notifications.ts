/**
 * Notifications addressed to the caller (/api/notifications*): each with its Chinese text as stored and,
 * where one was stored, the message it was written from, which the web renders in the reader's language.
 */
import { z } from "zod";
import { Timestamp } from "./common";

export const NotificationSchema = z.strictObject({
  id: z.number().int(),
  kind: z.string(),
  /** The Chinese text as stored. */
  title: z.string(),
  body: z.string(),
  /** The message the text was written from (packages/domain/src/notifications/messages.ts); null: show the text. */
  message: z
    .strictObject({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  read: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** The caller's newest notifications. */
export const NotificationListSchema = z.strictObject({ items: z.array(NotificationSchema) });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationReadSchema = z.strictObject({ id: z.number().int(), read: z.literal(true) });
export type NotificationRead = z.infer<typeof NotificationReadSchema>;
