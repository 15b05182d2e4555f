#!/usr/bin/env bash
# Checks the Debian package that `cpack -G DEB` built: what it holds, that it installs here with
# apt, and that it installs and runs on a clean Debian 12 (a bookworm minbase chroot made with
# debootstrap, dependencies from the mirror). Leaves the machine as it found it.
#
#   sudo bash installer/check-deb.sh [--no-host] [--no-chroot] [--keep-chroot] [PAQUETE.deb]
#
# PAQUETE.deb defaults to the newest build-deb/cobranza_*.deb. MIRROR (default: the Debian mirror of
# /etc/apt/sources.list*, else http://deb.debian.org/debian), GUI_SECONDS (default 5) and
# DEMO_PASSWORD (the demo cooperative's admin password, core/demo/demoseeder.h) may be set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
host=1
use_chroot=1
keep_chroot=0
deb=""
for arg in "$@"; do
  case "$arg" in
    --no-host) host=0 ;;
    --no-chroot) use_chroot=0 ;;
    --keep-chroot) keep_chroot=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) deb="$arg" ;;
  esac
done
if [ -z "$deb" ]; then
  deb="$(ls -t "$root"/build-deb/cobranza_*.deb 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "No hay paquete: construya build-deb (README, «Paquete .deb») o indique PAQUETE.deb." >&2
  exit 2
fi
deb="$(realpath "$deb")"
if [ "$(id -u)" -ne 0 ]; then
  echo "Instalar paquetes y crear el chroot requiere root: sudo bash $0 $*" >&2
  exit 2
fi
GUI_SECONDS="${GUI_SECONDS:-5}"
DEMO_PASSWORD="${DEMO_PASSWORD:-Cobranza2026}"
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FALLO: $*" >&2; exit 1; }

need_tools=()
command -v dpkg-deb >/dev/null || fail "falta dpkg-deb"
[ "$host" -eq 1 ] && ! command -v desktop-file-validate >/dev/null && need_tools+=(desktop-file-utils)
[ "$use_chroot" -eq 1 ] && ! command -v debootstrap >/dev/null && need_tools+=(debootstrap)
if [ "${#need_tools[@]}" -gt 0 ]; then
  step "Herramientas de comprobación: ${need_tools[*]}"
  apt-get install -y -q "${need_tools[@]}"
fi

# --- 1. The package itself ----------------------------------------------------------------------
step "dpkg-deb -I $deb"
dpkg-deb -I "$deb"
step "dpkg-deb -c"
contents="$(dpkg-deb -c "$deb")"
echo "$contents"
for f in ./usr/bin/cobranza ./usr/bin/cobranza-cli ./usr/share/applications/cobranza.desktop \
         ./usr/share/icons/hicolor/scalable/apps/cobranza.svg ./usr/share/icons/hicolor/256x256/apps/cobranza.png; do
  grep -q " $f\$" <<<"$contents" || fail "el paquete no contiene $f"
done
depends="$(dpkg-deb -f "$deb" Depends)"
for d in libqt6sql6-sqlite fonts-dejavu-core libqt6widgets6 libc6; do
  grep -q "$d" <<<"$depends" || fail "Depends no nombra $d: $depends"
done
[ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "arquitectura distinta de dpkg"
echo "Contenido y dependencias: bien."

# --- 2. Installed on this machine ---------------------------------------------------------------
if [ "$host" -eq 1 ]; then
  if dpkg-query -W -f='${Status}' cobranza 2>/dev/null | grep -q 'install ok installed'; then
    fail "cobranza ya está instalado en esta máquina; quítelo (apt-get remove cobranza) o use --no-host"
  fi
  step "apt-get install ./$(basename "$deb") (en esta máquina)"
  apt-get install -y -q "$deb"
  trap 'apt-get remove -y -q cobranza >/dev/null 2>&1 || true' EXIT
  step "which cobranza cobranza-cli"
  which cobranza cobranza-cli
  [ "$(which cobranza)" = /usr/bin/cobranza ] || fail "cobranza no está en /usr/bin"
  step "cobranza-cli --help"
  cobranza-cli --help
  step "desktop-file-validate /usr/share/applications/cobranza.desktop"
  desktop-file-validate /usr/share/applications/cobranza.desktop
  echo "válido"
  step "Iconos"
  ls -l /usr/share/icons/hicolor/scalable/apps/cobranza.svg /usr/share/icons/hicolor/256x256/apps/cobranza.png
  file /usr/share/icons/hicolor/256x256/apps/cobranza.png 2>/dev/null | grep -q '256 x 256' \
    || python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n" and struct.unpack(">II",d[16:24])==(256,256)' \
       /usr/share/icons/hicolor/256x256/apps/cobranza.png || fail "el PNG no es de 256 × 256"
  step "apt-get remove cobranza"
  apt-get remove -y -q cobranza
  trap - EXIT
  ! command -v cobranza >/dev/null || fail "cobranza sigue en el PATH después de quitarlo"
fi

# --- 3. A clean Debian 12 -----------------------------------------------------------------------
if [ "$use_chroot" -eq 1 ]; then
  mirror="${MIRROR:-}"
  if [ -z "$mirror" ]; then
    mirror="$(grep -rhoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
              | grep -v -- '-security' | head -n 1 | tr -d ' ' || true)"
    mirror="${mirror:-http://deb.debian.org/debian}"
  fi
  security="${mirror%/debian*}/debian-security"
  dir="$(mktemp -d /var/tmp/cobranza-bookworm.XXXXXX)"
  cleanup() {
    for m in proc sys dev/pts; do
      mountpoint -q "$dir/$m" && umount -l "$dir/$m"
    done
    if [ "$keep_chroot" -eq 1 ]; then echo "chroot conservado en $dir"; else rm -rf --one-file-system "$dir"; fi
  }
  trap cleanup EXIT
  step "debootstrap --variant=minbase bookworm $dir $mirror"
  if ! debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$dir.log" 2>&1; then
    tail -n 20 "$dir.log" >&2
    fail "debootstrap no pudo crear el sistema desde $mirror (registro: $dir.log)"
  fi
  rm -f "$dir.log"
  # A Debian 12 as its installer leaves it: main, updates and security.
  cat >"$dir/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d" # no daemons start inside
  chmod +x "$dir/usr/sbin/policy-rc.d"
  mount -t proc proc "$dir/proc"
  mount -t sysfs sys "$dir/sys"
  mkdir -p "$dir/dev/pts" && mount -t devpts devpts "$dir/dev/pts"
  cp "$deb" "$dir/tmp/"
  # cobranza-cli signs in as the demo's admin; the password comes from the environment.
  in_chroot() {
    chroot "$dir" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      COBRANZA_PASSWORD="$DEMO_PASSWORD" "$@" </dev/null
  }

  step "chroot: cobranza no está antes de instalar"
  in_chroot sh -c '! command -v cobranza' && echo "correcto: sistema limpio"
  step "chroot: apt-get install /tmp/$(basename "$deb")"
  in_chroot apt-get update -q
  in_chroot apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")"
  step "chroot: which cobranza cobranza-cli"
  in_chroot which cobranza cobranza-cli
  step "chroot: cobranza-cli --help"
  in_chroot cobranza-cli --help
  step "chroot: cobranza-cli con una base SQLite (el driver es un plugin: prueba la dependencia explícita)"
  in_chroot cobranza-cli --db /tmp/prueba.sqlite demo --credits 300
  in_chroot cobranza-cli --db /tmp/prueba.sqlite snapshots
  in_chroot cobranza-cli --db /tmp/prueba.sqlite credits --count
  step "chroot: QT_QPA_PLATFORM=offscreen timeout $GUI_SECONDS cobranza"
  set +e
  in_chroot sh -c "QT_QPA_PLATFORM=offscreen timeout $GUI_SECONDS cobranza; echo \"salida: \$?\"" | tee "$dir/tmp/gui.out"
  set -e
  # 124: still running when timeout stopped it (the window was up); anything else is a failure.
  grep -q '^salida: 124$' "$dir/tmp/gui.out" || fail "cobranza terminó antes de $GUI_SECONDS s"
  # The first start fills the new database with the demo cooperative before it shows the window,
  # so its cut-offs prove start-up got that far (an error box would block as well and also give 124).
  step "chroot: cortes que dejó la primera ejecución de cobranza"
  in_chroot cobranza-cli snapshots | tee "$dir/tmp/snapshots.out" \
    || fail "cobranza-cli no pudo leer la base que creó cobranza"
  [ "$(grep -c '^20[0-9][0-9]-' "$dir/tmp/snapshots.out")" -ge 1 ] \
    || fail "cobranza no llegó a cargar la demostración en $GUI_SECONDS s (pruebe GUI_SECONDS=20)"
  step "chroot: apt-get remove cobranza"
  in_chroot apt-get remove -y -q cobranza
fi

step "Todo bien: el paquete se instala, corre y se quita."
