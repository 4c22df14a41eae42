import { App, Select } from "antd";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useRegion, useViewDistrict } from "../api/region-api";

/** Which of the region's districts its pages read: shown in the header of a region account, read only beside it. */
export function RegionDistrictSwitch() {
  const t = useT();
  const localized = useLocalizedText();
  const { message } = App.useApp();
  const region = useRegion();
  const view = useViewDistrict();
  if (!region.data) return null;
  return (
    <Select
      size="small"
      aria-label={t("region.reading")}
      title={t("region.reading")}
      value={region.data.viewingDistrictId}
      loading={view.isPending}
      popupMatchSelectWidth={false}
      style={{ minWidth: 120, maxWidth: 200 }}
      options={region.data.districts.map((district) => ({
        value: district.id,
        label: localized(district.name, district.nameEn),
      }))}
      onChange={(districtId: string) =>
        view.mutate(districtId, { onError: (error) => message.error(error.message || t("region.switchFailed")) })
      }
      data-testid="region-district-switch"
    />
  );
}
