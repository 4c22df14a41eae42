/** Written by `npm run -w @beizeng/bench forecast -- --write-profile` from test-data/forecast/national-above-scale-revenue.json; do not edit. */
export const NATIONAL_SEASONAL_PROFILE = {
  id: "national-above-scale-revenue",
  name: "全国规模以上工业企业营业收入（累计）",
  shares: [
    0.070418, 0.140836, 0.228254, 0.306521, 0.386806, 0.474295, 0.559563, 0.6373, 0.732304, 0.810529, 0.895942, 1,
  ],
  spreadScale: 0.024242,
  years: [2019, 2021, 2022, 2023, 2025],
  outlierYears: [2020],
  interpolatedMonths: [1],
};
