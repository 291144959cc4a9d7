#!/usr/bin/env bash
# The package test (make package-test; not part of make test): the .deb, installed, on its own.
#
#   packaging/test_package.sh dist/laoshan-desk_VERSION_ARCH.deb
#
# 1. The package: its control fields, its files (/opt, /usr/bin, the menu entry and icon, the
#    Alembic scripts as files with their bytecode), only the Qt modules the desk uses.
# 2. Self-contained: the .deb is unpacked into a throwaway root (dpkg -x) and run from there with
#    an empty environment, the source tree and the Python installation hidden behind empty
#    mounts, and no network (unshare --mount --net): calendar is-workday, init --demo, a weekly
#    report (xlsx and pdf read back), a backup, the first-run dialog and the main window
#    offscreen, a clerk's login and the main window.
# 3. Upgrade: an older package is built from the commit before the newest migration was added
#    (UPGRADE_FROM=<git revision> to choose another), installed with dpkg -i, given data, then the
#    new package is installed over it: user data untouched by dpkg, the database upgraded at the
#    next start with the automatic backup taken first, every row still there; then dpkg --purge,
#    which leaves the data alone. As root on a machine without a laoshan-desk package installed,
#    this uses the real dpkg; otherwise (or PACKAGE_TEST_DPKG=no) throwaway roots again.
# 4. Start-up: the first window's time, installed desk (login dialog) beside a bare PySide6
#    window from the same bundle, best of STARTUP_RUNS (default 5). Printed, not judged.
#
# Environment: PYTHON (the project's .venv Python: reads the results back, builds the old
# package), RUNTIME_DEBS (passed on to build_deb.sh for the old package).
set -euo pipefail

deb=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(dirname "$here")
python=$(command -v "${PYTHON:-python3}")
case $python in /*) ;; *) python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")" ;; esac
name=laoshan-desk
demo_password=Laoshan2026
admin_password=Smoke-2026-secure

T=$(mktemp -d "${TMPDIR:-/tmp}/laoshan-pkgtest.XXXXXX")
installed_by_us=no
cleanup() {
    if [ "$installed_by_us" = yes ]; then dpkg --purge "$name" >/dev/null 2>&1 || true; fi
    rm -rf "$T"
}
trap cleanup EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok    $*"; }
bad() { failed=$((failed + 1)); echo "FAIL  $*"; }
check() {  # check DESCRIPTION COMMAND...: passes when COMMAND succeeds
    local what=$1; shift
    if "$@" >"$T/check.out" 2>&1; then ok "$what"; else bad "$what"; sed 's/^/      /' "$T/check.out" | tail -20; fi
}
section() { echo; echo "== $*"; }

# --- isolation: no source tree, no build Python, no network, an empty environment ---------------
python_prefix=$("$python" -c 'import sys; print(sys.base_prefix)')
venv_prefix=$("$python" -c 'import sys; print(sys.prefix)')
hidden=("$root_dir" "$python_prefix")
case $venv_prefix in "$root_dir"/*|"$python_prefix") ;; *) hidden+=("$venv_prefix") ;; esac
if [ "$(id -u)" = 0 ] && unshare --mount --net true 2>/dev/null; then
    isolation=unshare
else
    isolation=env
    echo "note: not root or no unshare: running with an empty environment only (source tree and network not hidden)"
fi

# isolated HOME_DIR EXE ARGS...: run EXE as a clerk's machine would, in the throwaway HOME_DIR.
isolated() {
    local home=$1; shift
    mkdir -p "$home"
    local envs=(env -i PATH=/usr/bin:/bin HOME="$home" LAOSHAN_DESK_HOME="$home/data" LANG=C.UTF-8
                QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$home/run")
    local name_var
    for name_var in LAOSHAN_DESK_SMOKE LAOSHAN_DESK_SMOKE_USER LAOSHAN_DESK_SMOKE_PASSWORD LAOSHAN_DESK_SMOKE_PNG; do
        if [ -n "${!name_var:-}" ]; then envs+=("$name_var=${!name_var}"); fi
    done
    mkdir -p "$home/run" && chmod 700 "$home/run"
    if [ "$isolation" = unshare ]; then
        local mounts="" dir
        for dir in "${hidden[@]}"; do mounts="$mounts mount -t tmpfs -o ro tmpfs '$dir' &&"; done
        (cd / && unshare --mount --net sh -c "$mounts exec \"\$@\"" sh "${envs[@]}" timeout 120 "$@")
    else
        (cd / && "${envs[@]}" timeout 120 "$@")
    fi
}

inspect() {  # inspect PYTHON-CODE ARGS...: read results back with the project's Python
    "$python" -c "$@"
}

# --- 1. the package ---------------------------------------------------------------------------
section "the package: $(basename "$deb")"
dpkg-deb -f "$deb" > "$T/control"
dpkg-deb -c "$deb" | awk '{print $6 ($7 ? " " $7 " " $8 : "")}' | sed 's|^\./|/|' > "$T/contents"
version=$(dpkg-deb -f "$deb" Version)
project_version=$("$python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$root_dir/pyproject.toml")
check "version $version is pyproject.toml's" test "$version" = "$project_version"
check "Depends names libc6, Qt's xcb libraries, fontconfig and CUPS" \
    sh -c 'd=$(dpkg-deb -f "$1" Depends); for p in libc6 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libfontconfig1 libcups2 libegl1; do echo "$d" | grep -qE "(^|, )$p( |,|$)" || { echo "missing $p in: $d"; exit 1; }; done' sh "$deb"
check "every Depends: package exists here (dpkg knows it)" \
    sh -c 'for p in $(dpkg-deb -f "$1" Depends | tr "," "\n" | sed "s/(.*)//; s/|.*//"); do dpkg-query -W "$p" >/dev/null 2>&1 || { echo "unknown: $p"; exit 1; }; done' sh "$deb"
check "files only under /opt/laoshan-desk and /usr" \
    sh -c '! grep -vE "^/$|^/(opt/laoshan-desk|opt|usr)(/|$)" "$1"' sh "$T/contents"
check "/usr/bin/laoshan-desk links to the bundle" grep -qx "/usr/bin/laoshan-desk -> /opt/laoshan-desk/laoshan-desk" "$T/contents"
check "menu entry and icon" sh -c 'grep -qx /usr/share/applications/laoshan-desk.desktop "$1" && grep -qx /usr/share/icons/hicolor/scalable/apps/laoshan-desk.svg "$1"' sh "$T/contents"
check "resources/, forms/, reports/ and the fonts are in the bundle" \
    sh -c 'for p in resources/fonts/wqy-microhei.ttc resources/icons/laoshan-desk.svg resources/data/organisation.json forms/login_dialog.ui reports/; do grep -q "^/opt/laoshan-desk/_internal/$p" "$1" || { echo "missing $p"; exit 1; }; done' sh "$T/contents"
migrations_src=$(cd "$root_dir" && find laoshan_desk -path '*/migrations/versions/*.py' | sort)
check "every Alembic migration is a file in the bundle, with its bytecode" \
    sh -c 'for m in $2; do grep -qx "/opt/laoshan-desk/_internal/$m" "$1" || { echo "missing $m"; exit 1; }; b=$(basename "$m" .py); grep -q "/__pycache__/$b\.cpython-.*\.pyc$" "$1" || { echo "no bytecode for $m"; exit 1; }; done' sh "$T/contents" "$migrations_src"
check "only the Qt modules the desk uses (no WebEngine, Qml, Quick, 3D, Multimedia)" \
    sh -c '! grep -iE "Qt6?(WebEngine|Qml|Quick|3D|Multimedia|Designer|Bluetooth|Sensors|VirtualKeyboard)" "$1"' sh "$T/contents"
check "Widgets, Gui, Core, PrintSupport, Pdf, PdfWidgets, Charts, Svg are in" \
    sh -c 'for m in Widgets Gui Core PrintSupport Pdf PdfWidgets Charts Svg; do grep -q "/PySide6/Qt$m\.abi3\.so$" "$1" || { echo "missing Qt$m"; exit 1; }; done' sh "$T/contents"
check "the maintainer scripts touch no user data" \
    sh -c 'dpkg-deb -e "$1" "$2/ctl" && ! grep -vh "^ *#" "$2"/ctl/postinst "$2"/ctl/postrm | grep -nE "/home|/root|~|HOME|LaoshanDesk|\.local|rm "' sh "$deb" "$T"
if command -v desktop-file-validate >/dev/null 2>&1; then
    check "the menu entry is valid" desktop-file-validate "$here/laoshan-desk.desktop"
fi
check "the Windows icon can be made from the SVG (read back: 7 sizes, PNG)" sh -c '
    "$1" "$2/make_ico.py" "$3/resources/icons/laoshan-desk.svg" "$4/desk.ico" &&
    "$1" -c "import struct,sys; d=open(sys.argv[1],\"rb\").read(); r,t,n=struct.unpack(\"<HHH\",d[:6]); assert (r,t,n)==(0,1,7),(r,t,n); o=struct.unpack(\"<I\",d[6+12:6+16])[0]; assert d[o:o+8]==b\"\\x89PNG\\r\\n\\x1a\\n\"" "$4/desk.ico"' \
    sh "$python" "$here" "$root_dir" "$T"
check "the Windows version resource is one VSVersionInfo(...) with the version filled in" inspect '
import ast, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("@VERSION_TUPLE@", "1, 2, 3, 0").replace("@VERSION@", "1.2.3")
tree = ast.parse(text, mode="eval").body
assert isinstance(tree, ast.Call) and tree.func.id == "VSVersionInfo", ast.dump(tree)[:200]
calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call)}
assert {"FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo"} <= calls, calls
versions = [ast.literal_eval(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call)
            for k in node.keywords if k.arg in ("filevers", "prodvers")]
assert versions == [(1, 2, 3, 0), (1, 2, 3, 0)], versions
strings = {n.args[0].value: n.args[1].value for n in ast.walk(tree) if isinstance(n, ast.Call) and n.func.id == "StringStruct"}
assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3", strings' "$here/windows-version-info.txt"

# --- 2. self-contained ------------------------------------------------------------------------
section "self-contained: unpacked into a throwaway root, run with $isolation isolation"
dpkg -x "$deb" "$T/root"
exe="$T/root/opt/$name/$name"
home="$T/home"
isolated "$home" "$exe" calendar is-workday 2026-10-10 > "$T/out" 2>&1 || true
check "calendar is-workday 2026-10-10 prints yes (a make-up working day)" grep -qx yes "$T/out"
isolated "$home" "$exe" calendar is-workday 2027-10-01 > "$T/out" 2>&1 || true
check "calendar is-workday 2027-10-01 prints no (a year not yet published: statutory holidays)" grep -qx no "$T/out"
check "init --demo in a throwaway home" isolated "$home" "$exe" init --demo
check "… the database is in LAOSHAN_DESK_HOME" test -s "$home/data/laoshan-desk.sqlite3"
check "report weekly writes a workbook and a PDF" \
    isolated "$home" "$exe" report weekly --week 2026-W48 --out "$home/weekly.xlsx" --pdf "$home/weekly.pdf"
check "… the workbook reads back (openpyxl) and the PDF has Chinese text (pypdf)" inspect '
import sys, openpyxl, pypdf
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
assert book.sheetnames, "no sheets"
text = "".join(page.extract_text() for page in pypdf.PdfReader(sys.argv[2]).pages)
assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text[:200]
fonts = str(pypdf.PdfReader(sys.argv[2]).pages[0]["/Resources"]["/Font"])
print(book.sheetnames, len(text), fonts[:200])' "$home/weekly.xlsx" "$home/weekly.pdf"
check "appeals export writes the ledger (streamed by XlsxWriter inside the bundle)" \
    isolated "$home" "$exe" appeals export "$home/ledger.xlsx"
check "… the ledger reads back with its header and rows" inspect '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], read_only=True).active
rows = list(ws.iter_rows(values_only=True))
assert rows[1][0] == "诉求编号" and len(rows) > 100, rows[:2]
print(len(rows), rows[2][:3])' "$home/ledger.xlsx"
check "backup FILE" isolated "$home" "$exe" backup "$home/copy.sqlite3"
# The backup is one archive (services/backup.py): the database, manifest.json, the attachments.
check "… the archive holds an intact SQLite database and its manifest" inspect '
import json, sqlite3, sys, tempfile, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive, tempfile.TemporaryDirectory() as tmp:
    assert "revisions" in json.dumps(json.loads(archive.read("manifest.json"))), "no manifest"
    path = archive.extract("laoshan-desk.sqlite3", tmp)
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"' "$home/copy.sqlite3"

LAOSHAN_DESK_SMOKE=window LAOSHAN_DESK_SMOKE_USER=smokeadmin LAOSHAN_DESK_SMOKE_PASSWORD=$admin_password \
LAOSHAN_DESK_SMOKE_PNG="$home/main-admin.png" isolated "$home" "$exe" > "$T/out" 2>&1 || true
check "first run: the first-run dialog creates the admin, the main window opens" \
    sh -c 'grep "^SMOKE shown main" "$1" | grep -q "审批点菜单.*崂先办诉求.*财产保全审查.*管理"' sh "$T/out"
grep -q "^SMOKE shown main" "$T/out" || { sed 's/^/      /' "$T/out" | tail -20; tail -20 "$home/data/logs/desk.log" 2>/dev/null | sed 's/^/      log: /'; }
check "… through the first-run dialog" grep -q "^SMOKE shown login | .* | FirstAdminDialog" "$T/out"
check "… and the window was drawn (a PNG of it, 1000+ pixels wide)" inspect '
import struct, sys
data = open(sys.argv[1], "rb").read()
width, height = struct.unpack(">II", data[16:24])
assert data[:8] == b"\x89PNG\r\n\x1a\n" and width >= 1000 and height >= 500 and len(data) > 20000, (width, height, len(data))' \
    "$home/main-admin.png"
LAOSHAN_DESK_SMOKE=window LAOSHAN_DESK_SMOKE_USER=chuangkou LAOSHAN_DESK_SMOKE_PASSWORD=$demo_password \
LAOSHAN_DESK_SMOKE_PNG="$home/main-clerk.png" isolated "$home" "$exe" > "$T/out" 2>&1 || true
check "a clerk (chuangkou) logs in through the login dialog: the main window without 管理" \
    sh -c 'grep -q "^SMOKE shown login | .* | LoginDialog" "$1" && grep "^SMOKE shown main" "$1" | grep -q "崂先办诉求" && ! grep "^SMOKE shown main" "$1" | grep -q "管理"' sh "$T/out"
grep -q "^SMOKE shown main" "$T/out" || { sed 's/^/      /' "$T/out" | tail -20; tail -20 "$home/data/logs/desk.log" 2>/dev/null | sed 's/^/      log: /'; }
mkdir -p "$root_dir/dist/package-test"
cp "$home/main-admin.png" "$home/main-clerk.png" "$root_dir/dist/package-test/" 2>/dev/null || true

# --- 3. upgrade -------------------------------------------------------------------------------
section "upgrade: an older package, data, then this one"
if [ -n "${UPGRADE_FROM:-}" ]; then
    old_rev=$(git -C "$root_dir" rev-parse "$UPGRADE_FROM")
else
    newest=$(git -C "$root_dir" log -1 --format=%H --diff-filter=A -- 'laoshan_desk/*/migrations/versions/*.py' 'laoshan_desk/store/migrations/versions/*.py' 2>/dev/null || true)
    old_rev=$(git -C "$root_dir" rev-parse "${newest:-none}^" 2>/dev/null || true)
fi
if [ -z "$old_rev" ]; then
    bad "no older revision to build (no git history here?): set UPGRADE_FROM=<git revision>"
else
    echo "older desk: $(git -C "$root_dir" log -1 --format='%h %s' "$old_rev" | cut -c1-100)"
    mkdir -p "$T/old-src"
    git -C "$root_dir" archive "$old_rev" | tar -x -C "$T/old-src"
    rm -rf "$T/old-src/packaging" && cp -r "$here" "$T/old-src/packaging"  # today's packaging, the old desk
    # A Python that sees the project's libraries but not its editable install of today's desk.
    base_python=$("$python" -c 'import sys, os; print(os.path.join(sys.base_prefix, "bin", "python3"))')
    "$base_python" -m venv --without-pip "$T/old-venv"
    old_site=$("$T/old-venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
    "$python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))' > "$old_site/project-libraries.pth"
    old_version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$T/old-src/pyproject.toml" | head -n1)~upgradetest"
    if (cd "$T/old-src" && "$T/old-venv/bin/python" -m PyInstaller --noconfirm --log-level ERROR \
            --distpath "$T/old-dist" --workpath "$T/old-build" packaging/laoshan-desk.spec >"$T/old-build.log" 2>&1) &&
       VERSION=$old_version PYTHON="$T/old-venv/bin/python" RUNTIME_DEBS="${RUNTIME_DEBS:-}" \
            "$T/old-src/packaging/build_deb.sh" "$T/old-dist/$name" "$T/old-deb" >"$T/old-deb.log" 2>&1; then
        old_deb=$(tail -n1 "$T/old-deb.log")
        ok "older package built: $(basename "$old_deb")"
    else
        bad "older package could not be built"; tail -20 "$T/old-build.log" "$T/old-deb.log" | sed 's/^/      /'
        old_deb=""
    fi
fi

old_heads=$(ls "$T/old-dist/$name/_internal/laoshan_desk/store/migrations/versions/" 2>/dev/null | grep -c '\.py$' || true)
new_heads=$(echo "$migrations_src" | grep -c '\.py$')
if [ -n "${old_deb:-}" ]; then
    check "the older package knows fewer migrations ($old_heads) than this one ($new_heads)" test "$old_heads" -lt "$new_heads"
    check "dpkg orders $old_version before $version" dpkg --compare-versions "$old_version" lt "$version"
    use_dpkg=no
    if [ "${PACKAGE_TEST_DPKG:-yes}" != no ] && [ "$(id -u)" = 0 ] && ! dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q installed; then
        use_dpkg=yes
    fi
    up="$T/uphome"
    if [ "$use_dpkg" = yes ]; then
        echo "with the real dpkg (removed again at the end)"
        installed_by_us=yes
        check "dpkg -i the older package" dpkg -i "$old_deb"
        installed_exe=/usr/bin/$name
    else
        echo "with throwaway roots (dpkg -x)"
        dpkg -x "$old_deb" "$T/sys"
        installed_exe="$T/sys/opt/$name/$name"
    fi
    check "the older desk: init --demo" isolated "$up" "$installed_exe" init --demo
    LAOSHAN_DESK_SMOKE=window LAOSHAN_DESK_SMOKE_USER=smokeadmin LAOSHAN_DESK_SMOKE_PASSWORD=$admin_password \
        isolated "$up" "$installed_exe" > "$T/out" 2>&1 || true
    check "the older desk: its first-run dialog creates the admin, its main window opens" grep -q "^SMOKE shown main" "$T/out"
    counts='
import sqlite3, sys, json
con = sqlite3.connect(sys.argv[1])
tables = [r[0] for r in con.execute("select name from sqlite_master where type=\"table\" and name not like \"sqlite_%\" and name not like \"%fts%\" and name != \"alembic_version\"")]
print(json.dumps({t: con.execute(f"select count(*) from \"{t}\"").fetchone()[0] for t in sorted(tables)}, sort_keys=True))'
    heads='
import sqlite3, sys
print(" ".join(sorted(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select version_num from alembic_version"))))'
    inspect "$counts" "$up/data/laoshan-desk.sqlite3" > "$T/counts-before.json"
    inspect "$heads" "$up/data/laoshan-desk.sqlite3" > "$T/heads-before"
    # After those reads: the last connection to close folds SQLite's -wal file into the database.
    echo "a clerk's own note" > "$up/data/keep-me.txt"
    (cd "$up/data" && find . -type f -print0 | sort -z | xargs -0 md5sum) > "$T/data-before.md5"
    if [ "$use_dpkg" = yes ]; then
        check "dpkg -i this package over it (an upgrade)" dpkg -i "$deb"
        check "… dpkg now has $version" sh -c 'test "$(dpkg-query -W -f="\${Version}" laoshan-desk)" = "$1"' sh "$version"
    else
        rm -rf "$T/sys" && dpkg -x "$deb" "$T/sys"
    fi
    check "installing touched no user data" sh -c 'cd "$1/data" && md5sum --quiet -c "$2"' sh "$up" "$T/data-before.md5"
    backups_before=$( (ls "$up/data/backups" 2>/dev/null || true) | wc -l)
    LAOSHAN_DESK_SMOKE=window LAOSHAN_DESK_SMOKE_USER=chuangkou LAOSHAN_DESK_SMOKE_PASSWORD=$demo_password \
        isolated "$up" "$installed_exe" > "$T/out" 2>&1 || true
    check "the new desk starts on the old data: a clerk logs in, the main window opens" grep -q "^SMOKE shown main" "$T/out"
    grep -q "^SMOKE shown main" "$T/out" || { sed 's/^/      /' "$T/out" | tail -20; tail -20 "$up/data/logs/desk.log" 2>/dev/null | sed 's/^/      log: /'; }
    backup=$(ls -t "$up/data/backups/"*-before-* 2>/dev/null | head -n1 || true)
    check "an automatic backup was taken before the schema upgrade" \
        sh -c 'test -n "$1" && test "$(ls "$2/data/backups" | wc -l)" -gt "$3"' sh "$backup" "$up" "$backups_before"
    echo "      backup: ${backup:-none}"
    if [ -n "$backup" ]; then
        check "… the backup holds the old schema and every old row" sh -c '
            test "$("$1" -c "$2" "$4")" = "$(cat "$5")" && test "$("$1" -c "$3" "$4")" = "$(cat "$6")"' \
            sh "$python" "$heads" "$counts" "$backup" "$T/heads-before" "$T/counts-before.json"
    fi
    inspect "$heads" "$up/data/laoshan-desk.sqlite3" > "$T/heads-after"
    check "the database is at the new heads ($(cat "$T/heads-after"))" sh -c '
        test "$(cat "$1")" != "$(cat "$2")" && test "$(wc -w < "$1")" -ge 1' sh "$T/heads-after" "$T/heads-before"
    check "… and every old row is still there (same counts, new tables aside)" inspect '
import json, sys
before, after = json.load(open(sys.argv[1])), json.loads(sys.argv[2])
lost = {t: (n, after.get(t)) for t, n in before.items() if after.get(t, -1) < n}
assert not lost, lost' "$T/counts-before.json" "$(inspect "$counts" "$up/data/laoshan-desk.sqlite3")"
    if [ "$use_dpkg" = yes ]; then
        check "dpkg --purge removes the program" sh -c 'dpkg --purge laoshan-desk >/dev/null && test ! -e /opt/laoshan-desk && test ! -e /usr/bin/laoshan-desk'
        installed_by_us=no
        check "… and leaves the user's data alone (note, upgraded database, backup)" sh -c '
            test "$(cat "$1/data/keep-me.txt")" = "a clerk'"'"'s own note" && test -f "$2" &&
            test "$("$3" -c "$4" "$1/data/laoshan-desk.sqlite3")" = "$(cat "$5")"' \
            sh "$up" "$backup" "$python" "$heads" "$T/heads-after"
    fi
fi

# --- 4. start-up ------------------------------------------------------------------------------
section "start-up: first window, best of ${STARTUP_RUNS:-5} (installed desk's login dialog vs a bare PySide6 window)"
runs=${STARTUP_RUNS:-5}
# Timed without the mount namespace (its set-up is no part of a clerk's start), same environment.
for mode in bare login; do
    (cd / && env -i PATH=/usr/bin:/bin HOME="$home" LAOSHAN_DESK_HOME="$home/data" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$home/run" \
        "$python" "$here/startup_time.py" "$exe" "$mode" "$runs") | tee "$T/startup-$mode.json" || bad "start-up ($mode)"
done
bundle_kb=$(du -sk "$T/root/opt/$name" | cut -f1)
deb_kb=$(( $(stat -c %s "$deb") / 1024 ))
echo "sizes: bundle folder $((bundle_kb / 1024)) MiB, .deb $((deb_kb / 1024)) MiB"

echo
echo "package-test: $passed passed, $failed failed"
test "$failed" = 0
