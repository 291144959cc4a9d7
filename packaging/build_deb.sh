#!/usr/bin/env bash
# Build the Debian package from the PyInstaller bundle (make package runs this after the spec).
#
#   packaging/build_deb.sh BUNDLE_DIR OUT_DIR
#
# Environment: PYTHON (the Python the bundle was built with: it precompiles the Alembic scripts),
# RUNTIME_DEBS (the system packages Qt's xcb plugin needs beside those found from the bundle's
# ELF files), VERSION (default: pyproject.toml's), PROJECT_ROOT (default: this script's parent).
#
# Layout: /opt/laoshan-desk/ (the bundle), /usr/bin/laoshan-desk (a symbolic link),
# /usr/share/applications/laoshan-desk.desktop, /usr/share/icons/hicolor/scalable/apps/.
# Depends: from dpkg-shlibdeps over every ELF file in the bundle (libraries the bundle carries
# itself are not looked up), plus RUNTIME_DEBS. Prints the path of the .deb on the last line.
set -euo pipefail

bundle=$(cd "$1" && pwd)
out=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root_dir=${PROJECT_ROOT:-$(dirname "$here")}
python=$(command -v "${PYTHON:-python3}")
case $python in /*) ;; *) python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")" ;; esac
name=laoshan-desk
version=${VERSION:-$("$python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$root_dir/pyproject.toml")}
arch=$(dpkg --print-architecture)

for tool in dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || { echo "build_deb.sh: $tool is missing (apt-get install dpkg-dev)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/laoshan-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
stage="$work/root"
mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/doc/$name" "$stage/DEBIAN"

cp -a "$bundle" "$stage/opt/$name"
# Alembic imports its scripts from files: compile them now (hash-checked, so file times do not
# matter) with the bundle's own Python version; the installed folder is read-only for users.
"$python" -m compileall -q --invalidation-mode checked-hash "$stage/opt/$name/_internal/laoshan_desk" >/dev/null
ln -s "/opt/$name/$name" "$stage/usr/bin/$name"
install -m 0644 "$here/laoshan-desk.desktop" "$stage/usr/share/applications/$name.desktop"
install -m 0644 "$root_dir/resources/icons/laoshan-desk.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$name.svg"
cat > "$stage/usr/share/doc/$name/README.Debian" <<'EOF'
崂山政务窗口桌面 Laoshan Desk — installed in /opt/laoshan-desk, started as laoshan-desk.

Each user's database, settings, logs and backups live in that user's data directory
(~/.local/share/LaoshanDesk, or LAOSHAN_DESK_HOME). Installing, upgrading or removing this
package never touches them; a newer desk backs the database up before it upgrades its schema.
EOF
chmod -R u=rwX,go=rX "$stage"

# --- Depends ----------------------------------------------------------------------------------
mapfile -t elves < <(cd "$stage" && "$python" - <<'EOF'
import os
for folder, _dirs, files in os.walk("opt"):
    for name in files:
        path = os.path.join(folder, name)
        if not os.path.islink(path):
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    print(path)
EOF
)
mapfile -t libdirs < <(printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u)
mkdir -p "$work/shlibs/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$name" "$name" > "$work/shlibs/debian/control"
(
    cd "$work/shlibs"
    dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
        $(printf -- "-l$stage/%s " "${libdirs[@]}") \
        $(printf -- "-e$stage/%s " "${elves[@]}") 2>"$work/shlibdeps.err"
) > "$work/shlibs.out" || { cat "$work/shlibdeps.err" >&2; exit 1; }
depends=$(sed -n 's/^shlibs:Depends=//p' "$work/shlibs.out")
for package in ${RUNTIME_DEBS:-}; do
    case ", $depends," in
        *", $package "*|*", $package,"*) ;;
        *) depends="$depends, $package" ;;
    esac
done
depends=${depends#, }

installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $arch
Maintainer: Laoshan District Desk Team <desk@laoshan.invalid>
Installed-Size: $installed_size
Depends: $depends
Section: misc
Priority: optional
Homepage: https://www.laoshan.gov.cn/
Description: 崂山政务窗口桌面 Laoshan Desk — the counter desk of the Laoshan district
 审批点菜单、崂先办诉求、财产保全审查：a self-contained desk (Python and Qt inside) for the
 counters of the Laoshan district, Qingdao. Works without a network; the data stays in each
 user's data directory.
EOF
install -m 0755 "$here/postinst" "$stage/DEBIAN/postinst"
install -m 0755 "$here/postrm" "$stage/DEBIAN/postrm"
(cd "$stage" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

deb="$out/${name}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$work/package.deb" >/dev/null
mv "$work/package.deb" "$deb"  # whole or not at all: make sees no half-written package
echo "$deb"
