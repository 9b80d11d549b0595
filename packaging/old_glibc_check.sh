#!/usr/bin/env bash
# By hand, as root, about 20 minutes (not part of CI): build the bundle on an older Debian, as on the
# oldest office PC, and measure the glibc it needs. Debian 11 "bullseye" (glibc 2.31) is the oldest
# suite still on Debian's mirror; on a mirror or a machine that has it, SUITE=buster gives glibc 2.28, as
# 统信UOS 20 / 麒麟 V10. The suite has no Python 3.11, so it is built from Debian's source of CPython
# 3.11.2 (shared libpython, which PyInstaller needs) — the step a UOS 20 machine without Python 3.11
# would need too. Then packaging/build.py runs in the chroot from the committed tree (HEAD), with its
# self-test, and check_glibc.py reports the floor.
#
#   sudo bash packaging/old_glibc_check.sh            # SUITE=bullseye ROOTFS=/var/tmp/yijing-bullseye
set -euo pipefail
SUITE=${SUITE:-bullseye}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOTFS=${ROOTFS:-/var/tmp/yijing-$SUITE}
PYTHON_SOURCE=${PYTHON_SOURCE:-$MIRROR/pool/main/p/python3.11/python3.11_3.11.2.orig.tar.gz}
REPO=$(cd "$(dirname "$0")/.." && pwd)

packages=build-essential,ca-certificates,curl,xz-utils,binutils,libssl-dev,libsqlite3-dev,zlib1g-dev
packages+=,libffi-dev,libbz2-dev,liblzma-dev,uuid-dev,libexpat1-dev
# what the bundle takes from the system (packaging/bundle_rules.py SYSTEM_PROVIDED)
packages+=,libgl1,libegl1,libx11-6,libx11-xcb1,libxcb1,libfontconfig1,libfreetype6,libglib2.0-0,libdbus-1-3
packages+=,libgssapi-krb5-2,libxkbcommon0
# and what it bundles from the build machine: Qt 6's xcb helpers, which a Qt 5 desktop may lack
xcb=libxcb-cursor0,libxcb-icccm4,libxcb-keysyms1,libxcb-image0,libxcb-render-util0,libxcb-xkb1
xcb+=,libxkbcommon-x11-0,libxcb-shape0,libxcb-xinerama0,libxcb-randr0,libxcb-sync1,libxcb-xfixes0
packages+=,$xcb

if [[ ! -x $ROOTFS/usr/bin/gcc ]]; then
    debootstrap --variant=minbase --include="$packages" "$SUITE" "$ROOTFS" "$MIRROR"
fi
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
mountpoint -q "$ROOTFS/proc" || mount -t proc proc "$ROOTFS/proc"
trap 'umount "$ROOTFS/proc" 2>/dev/null || true' EXIT
# A machine that reaches PyPI through a proxy with its own certificate authority (PIP_CERT) passes it on.
cert_env=()
if [[ -n ${PIP_CERT:-} && -f $PIP_CERT ]]; then
    cp "$PIP_CERT" "$ROOTFS/etc/ssl/certs/build-ca.crt"
    cert_env=(PIP_CERT=/etc/ssl/certs/build-ca.crt SSL_CERT_FILE=/etc/ssl/certs/build-ca.crt)
fi
in_root() { chroot "$ROOTFS" env -i PATH=/opt/python3.11/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 "${cert_env[@]}" "$@"; }

if [[ ! -x $ROOTFS/opt/python3.11/bin/python3.11 ]]; then
    curl -fsSL -o "$ROOTFS/tmp/python.tar.gz" "$PYTHON_SOURCE"
    in_root sh -c 'cd /tmp && rm -rf Python-3.11.* && tar -xzf python.tar.gz && cd Python-3.11.* &&
        ./configure --prefix=/opt/python3.11 --enable-shared LDFLAGS=-Wl,-rpath,/opt/python3.11/lib \
            > /tmp/python-configure.log &&
        make -j"$(nproc)" > /tmp/python-make.log 2>&1 && make install > /tmp/python-install.log 2>&1'
fi
in_root python3.11 -c 'import ssl, sqlite3, ctypes, lzma, bz2, zlib; print("python ok")'
in_root sh -c "apt-get install -y -qq ${xcb//,/ } > /dev/null"  # a root made before the list grew

rm -rf "$ROOTFS/src/yijing" && mkdir -p "$ROOTFS/src/yijing"
git -C "$REPO" archive HEAD | tar -x -C "$ROOTFS/src/yijing"
echo "== build on $SUITE ($(in_root ldd --version | head -1))"
in_root sh -c 'cd /src/yijing && python3.11 packaging/build.py'
echo "== glibc the $SUITE build needs"
python3 "$REPO/packaging/check_glibc.py" "$ROOTFS/src/yijing/dist/yijing" --top 5
