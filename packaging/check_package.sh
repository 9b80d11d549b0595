#!/usr/bin/env bash
# `make package-check` (and CI): the built bundle, the unpacked .tar.gz and the .deb extracted with
# dpkg-deb each pass --self-test in a clean environment (no variables but PATH and the offscreen Qt
# platform), the desktop entry is valid, and the glibc the bundle needs is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
bundle=dist/yijing
deb=$(ls dist/yijing_*.deb 2>/dev/null | head -1 || true)
tarball=$(ls dist/yijing-*-linux-*.tar.gz 2>/dev/null | head -1 || true)
if [[ ! -x $bundle/yijing || -z $deb || -z $tarball ]]; then
    echo "no package in dist/: run 'make package' first" >&2
    exit 2
fi
clean_env=(env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen)
check=build/package-check
rm -rf "$check" && mkdir -p "$check/tar" "$check/deb"

echo "== bundle: $bundle"
"${clean_env[@]}" "$bundle/yijing" --self-test

echo "== tarball: $tarball"
tar -xzf "$tarball" -C "$check/tar"
"${clean_env[@]}" "$check/tar/yijing/yijing" --self-test

echo "== deb: $deb"
dpkg-deb --info "$deb"
dpkg-deb -x "$deb" "$check/deb"
test -f "$check/deb/usr/share/applications/yijing.desktop"
for size in 16 24 32 48 64 128 256; do test -f "$check/deb/usr/share/icons/hicolor/${size}x${size}/apps/yijing.png"; done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$check/deb/usr/share/applications/yijing.desktop"
fi
"${clean_env[@]}" "$check/deb/opt/yijing/yijing" --self-test

echo "== size and glibc"
du -sh --apparent-size "$bundle"
echo "files: $(find "$bundle" -type f | wc -l)"
"$PYTHON" packaging/check_glibc.py "$bundle" --top 5
rm -rf "$check"
