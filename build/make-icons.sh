#!/usr/bin/env bash
# Regenerates every application icon in build/ from build/icon.svg. The outputs are committed:
# electron-builder reads them as inputs, so packaging never needs these tools.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick (ico), png2icns (icnsutils).
#   Debian/Ubuntu: sudo apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1 || { echo "make-icons: '$1' is missing. Install: $2" >&2; exit 1; }; }
need rsvg-convert "apt-get install -y librsvg2-bin"
need png2icns "apt-get install -y icnsutils"

# ImageMagick 7 is `magick`, 6 is `convert`; skip a `convert` on PATH that is not ImageMagick.
IM=""
for c in magick convert /usr/bin/convert; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q ImageMagick; then IM="$c"; break; fi
done
[ -n "$IM" ] || { echo "make-icons: ImageMagick is missing. Install: apt-get install -y imagemagick" >&2; exit 1; }

render() { rsvg-convert --width "$1" --height "$1" --format png --output "$2" icon.svg; }

# build/icon.png: the 1024px master electron-builder converts for any target without a specific icon.
render 1024 icon.png

# Linux: one PNG per size in build/icons/<size>x<size>.png (hicolor theme sizes).
mkdir -p icons
for s in 16 24 32 48 64 128 256 512; do render "$s" "icons/${s}x${s}.png"; done

# Windows: a multi-resolution .ico (256 is stored as PNG inside the ico by ImageMagick).
"$IM" icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png \
  icons/128x128.png icons/256x256.png icon.ico

# macOS: .icns from the sizes Apple's icon families use (png2icns picks the family by size).
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
render 1024 "$tmp/1024.png"
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png \
  icons/256x256.png icons/512x512.png "$tmp/1024.png" >/dev/null

echo "make-icons: wrote icon.png, icons/{16..512}, icon.ico, icon.icns"
