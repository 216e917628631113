#!/usr/bin/env bash
# Rasterises the hand-drawn app icons in public/ to the PNG sizes the web-app manifest lists.
# Run after editing an SVG and commit the PNGs (CI does not need rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../public"
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icon-$size.png"
  rsvg-convert -w "$size" -h "$size" icon-maskable.svg -o "icon-maskable-$size.png"
done
rsvg-convert -w 180 -h 180 icon-maskable.svg -o apple-touch-icon.png
