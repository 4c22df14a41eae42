/**
 * The words of entrepreneurs' events (M12) the product fixes, without zod so that the web can import them: the kinds
 * of event and how an enterprise answers an invitation.
 */

/** 培训 (a training at a leading university or firm) or 企业家沙龙 (a salon). */
export const EVENT_KINDS = ["training", "salon"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** An invitation waits for an answer, is taken up by registering persons, or is declined. */
export const INVITATION_STATUSES = ["pending", "registered", "declined"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** A feedback's rating: 1 (poor) to 5 (excellent). */
export const FEEDBACK_RATINGS = [1, 2, 3, 4, 5] as const;
