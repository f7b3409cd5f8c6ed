#!/bin/sh
# Renders failscope.svg to the PNG sizes the platforms use (Linux menus, Windows .ico, macOS .icns) and packs the
# Windows .ico. Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin) and ImageMagick's convert for the .ico.
# The PNGs and the .ico are committed; rerun this after editing the SVG.
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --output "failscope-$size.png" failscope.svg
done
convert failscope-16.png failscope-32.png failscope-48.png failscope-64.png failscope-128.png failscope-256.png \
  failscope.ico
ls -l failscope-*.png failscope.ico
