#!/bin/sh
# Makes the macOS icon (.icns) from the committed PNGs, with the tools every Mac has (sips, iconutil).
# Usage: packaging/macos/make-icns.sh OUTPUT.icns     (the release workflow writes target/icons/failscope.icns)
set -eu
out=${1:?usage: make-icns.sh OUTPUT.icns}
icons="$(cd "$(dirname "$0")/../icons" && pwd)"
set_dir="$(mktemp -d)/failscope.iconset"
mkdir -p "$set_dir" "$(dirname "$out")"
for size in 16 32 128 256 512; do
  cp "$icons/failscope-$size.png" "$set_dir/icon_${size}x${size}.png"
done
# @2x variants: the next size up (512@2x = 1024 is scaled from 512)
cp "$icons/failscope-32.png" "$set_dir/icon_16x16@2x.png"
cp "$icons/failscope-64.png" "$set_dir/icon_32x32@2x.png"
cp "$icons/failscope-256.png" "$set_dir/icon_128x128@2x.png"
cp "$icons/failscope-512.png" "$set_dir/icon_256x256@2x.png"
sips -z 1024 1024 "$icons/failscope-512.png" --out "$set_dir/icon_512x512@2x.png" >/dev/null
iconutil -c icns -o "$out" "$set_dir"
echo "wrote $out"
