#!/usr/bin/env bash
# Rebuilds the office-suite fixtures from their sources with LibreOffice Calc
# (apt-get install -y libreoffice-calc --no-install-recommends). Tests never run this.
set -euo pipefail
cd "$(dirname "$0")"
python3 source/make_fods.py
out=$(mktemp -d)
for csv in source/*.csv; do
  # 44 = comma, 34 = double quote, 76 = UTF-8, 1 = first line; column 1 (the credit code) as text.
  soffice --headless --infilter="CSV:44,34,76,1,1/2" --convert-to xlsx --outdir "$out" "$csv"
done
for fods in source/*.fods; do
  soffice --headless --convert-to xlsx --outdir "$out" "$fods"
done
mv "$out"/*.xlsx .
rmdir "$out"
ls -l ./*.xlsx
