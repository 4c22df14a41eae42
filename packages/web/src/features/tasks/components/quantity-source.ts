import { TASK_QUANTITY_SOURCES, type TaskQuantitySourceId } from "@beizeng/domain/supervision/quantity-sources";
import { useLocalizedText } from "../../../shared/i18n/i18n";

/** The words of the records a task's quantity is computed from, in the reader's language. */
export function useQuantitySourceName(): (id: TaskQuantitySourceId) => string {
  const localized = useLocalizedText();
  return (id) => localized(TASK_QUANTITY_SOURCES[id].zh, TASK_QUANTITY_SOURCES[id].en);
}
