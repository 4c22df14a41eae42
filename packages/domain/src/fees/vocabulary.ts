/**
 * The words of the fee list (涉企收费清单) the product fixes, without zod so that the web can import them: an item's
 * status, what a complaint says is wrong with a charge, an inspection's result and the forms of accountability.
 */

/** 在用, 暂停, 取消: only items in use are published. */
export const FEE_ITEM_STATUSES = ["active", "suspended", "abolished"] as const;
export type FeeItemStatus = (typeof FEE_ITEM_STATUSES)[number];

/** What a complaint says is wrong with a charge: it is not on the list, or it is above the list's standard. */
export const FEE_COMPLAINT_KINDS = ["unlisted", "aboveStandard"] as const;
export type FeeComplaintKind = (typeof FEE_COMPLAINT_KINDS)[number];

/** An inspection found the charges compliant, or found a violation. */
export const FEE_INSPECTION_RESULTS = ["compliant", "violation"] as const;
export type FeeInspectionResult = (typeof FEE_INSPECTION_RESULTS)[number];

/** 问责: a talk (约谈), a notice of criticism (通报批评), fees ordered refunded (责令退费), a referral (移送纪检监察). */
export const FEE_ACCOUNTABILITY_KINDS = ["talk", "criticism", "refund", "referral"] as const;
export type FeeAccountabilityKind = (typeof FEE_ACCOUNTABILITY_KINDS)[number];
