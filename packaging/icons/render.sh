#!/bin/sh
# Renders failscope.svg to the PNG sizes the platforms use (Linux hicolor, Windows .ico, macOS .icns).
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin). The PNGs are committed; rerun after editing the SVG.
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --output "failscope-$size.png" failscope.svg
done
ls -l failscope-*.png
