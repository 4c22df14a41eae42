import { Alert } from "antd";
import { useT } from "../../../shared/i18n/i18n";
import { useMeta } from "../api/meta-api";

/** A warning across the top whenever the deployment runs on demonstration data. */
export function DemoBanner() {
  const t = useT();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return <Alert type="warning" banner showIcon role="alert" title={t("demo.banner")} />;
}
