import { Alert } from "antd";
import { useT } from "../i18n/i18n";

/**
 * Said above an answer computed at older data while the newer one is computed (a large district answers at once):
 * the page asks again on its own, and the notice goes when the new answer comes.
 */
export function RefreshingNotice({ refreshing }: { refreshing: boolean | undefined }) {
  const t = useT();
  if (!refreshing) return null;
  return <Alert type="info" showIcon title={t("common.refreshing")} data-testid="refreshing" />;
}
