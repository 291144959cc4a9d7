"""The faces of the printed papers (GB/T 9704): found on the machine, else the bundled TrueType files.

Five roles: 小标宋 (red head and title), 宋体 (page numbers), 仿宋 (body), 黑体 (level-one
headings, table heads) and 楷体 (level-two headings). Each role is looked for by file name in the
font folders (Windows: simfang / simsun / simhei / simkai; the CESI and 方正 faces that 统信 UOS and
麒麟 ship) and by family name through fontconfig's ``fc-list`` when it is there. A role not found
gets a bundled free face (``resources/fonts``): AR PL SungtiL GB for 小标宋/宋/仿宋, AR PL KaitiM GB
for 楷, WenQuanYi Micro Hei for 黑体 and as the last resort for characters a face lacks (the
Arphic faces have no 〇). :attr:`FontSet.substituted` says which official faces were replaced, so
the preview can tell the clerk.

reportlab embeds TrueType outlines (.ttf/.ttc) but not CFF (.otf), so only TrueType is used. Each
face is parsed and registered once per process under one name, however many roles use it, so it
is embedded once per paper.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from laoshan_desk.config import RESOURCES

FONT_DIR = RESOURCES / "fonts"
BUNDLED = FONT_DIR / "wqy-microhei.ttc"  # the last resort: WenQuanYi Micro Hei
BUNDLED_SONG = FONT_DIR / "gbsn00lp.ttf"  # AR PL SungtiL GB
BUNDLED_KAI = FONT_DIR / "gkai00mp.ttf"  # AR PL KaitiM GB

ROLES = ("title", "song", "body", "heading", "kai")
ROLE_LABELS = {"title": "小标宋", "song": "宋体", "body": "仿宋", "heading": "黑体", "kai": "楷体"}

# role -> file names of the official faces (Windows, macOS, 统信 UOS fonts-cesi, 方正 on 麒麟)
FILE_CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("FZXBSJW.TTF", "FZXBSK.TTF", "CESI_XBS_GB2312.TTF", "CESI_XBS_GB18030.TTF", "simsun.ttc", "SimSun.ttf"),
    "song": ("simsun.ttc", "SimSun.ttf", "CESI_SS_GB2312.TTF", "CESI_SS_GB18030.TTF", "FZSSK.TTF", "STSONG.TTF"),
    "body": ("simfang.ttf", "CESI_FS_GB2312.TTF", "CESI_FS_GB18030.TTF", "FZFSK.TTF", "STFANGSO.TTF", "FangSong.ttf"),
    "heading": ("simhei.ttf", "CESI_HT_GB2312.TTF", "CESI_HT_GB18030.TTF", "FZHTK.TTF", "STHeiti.ttf", "SimHei.ttf"),
    "kai": ("simkai.ttf", "CESI_KT_GB2312.TTF", "CESI_KT_GB18030.TTF", "FZKTK.TTF", "STKAITI.TTF", "KaiTi.ttf"),
}
# role -> family names as fontconfig reports them (compared without case, spaces, '_' or '-')
FAMILY_CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "CESI小标宋-GB2312",
              "CESI小标宋-GB18030", "小标宋", "宋体", "SimSun"),
    "song": ("宋体", "SimSun", "NSimSun", "CESI宋体-GB2312", "CESI宋体-GB18030", "方正书宋_GBK", "FZShuSong-Z01",
             "华文宋体", "STSong"),
    "body": ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "CESI仿宋-GB2312", "CESI仿宋-GB18030",
             "方正仿宋_GBK", "FZFangSong-Z02", "华文仿宋", "STFangsong"),
    "heading": ("黑体", "SimHei", "CESI黑体-GB2312", "CESI黑体-GB18030", "方正黑体_GBK", "FZHei-B01", "华文黑体",
                "STHeiti"),
    "kai": ("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "CESI楷体-GB2312", "CESI楷体-GB18030", "方正楷体_GBK",
            "FZKai-Z03", "华文楷体", "STKaiti"),
}  # fmt: skip
BUNDLED_FOR = {
    "title": BUNDLED_SONG,
    "song": BUNDLED_SONG,
    "body": BUNDLED_SONG,
    "heading": BUNDLED,
    "kai": BUNDLED_KAI,
}
# Chinese names of the bundled faces, for the preview's message
FAMILY_LABELS = {
    "AR PL SungtiL GB": "文鼎PL简报宋",
    "AR PL KaitiM GB": "文鼎PL简中楷",
    "WenQuanYi Micro Hei": "文泉驿微米黑",
}


def system_dirs() -> list[Path]:
    """The font folders of Windows, Linux (统信 UOS and 麒麟 included) and macOS."""
    home = Path.home()
    return [
        Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
        home / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts"),
    ]


@dataclasses.dataclass(frozen=True)
class FaceFile:
    """One TrueType face: a file and, for a .ttc collection, the index inside it."""

    path: Path
    index: int = 0
    family: str = ""


@dataclasses.dataclass(frozen=True)
class Substitution:
    role: str  # ROLES
    wanted: str  # 仿宋
    used: str  # the family printed instead


@dataclasses.dataclass(frozen=True)
class FontSet:
    """Registered reportlab names per role; ``files`` and ``families`` say what each role uses."""

    body: str
    title: str
    heading: str
    files: dict[str, str]
    song: str = ""
    kai: str = ""
    fallback: str = ""  # for characters a role's face lacks
    families: dict[str, str] = dataclasses.field(default_factory=dict)
    substituted: tuple[Substitution, ...] = ()

    def name(self, role: str) -> str:
        """The registered name of a role's face (an unknown role gets the body face)."""
        value = getattr(self, role, "") if role in ROLES else ""
        return str(value or self.body)

    def faces(self) -> list[str]:
        """Each distinct registered face once."""
        return list(dict.fromkeys([self.name(r) for r in ROLES] + [self.fallback or self.body]))

    def substitution_message(self) -> str:
        """'公文字体已替换为：仿宋→文鼎PL简报宋，…' — empty when every official face was found."""
        if not self.substituted:
            return ""
        parts = [f"{s.wanted}→{FAMILY_LABELS.get(s.used, s.used)}" for s in self.substituted]
        return "公文字体已替换为：" + "，".join(parts)


def _key(family: str) -> str:
    return "".join(ch for ch in family.lower() if ch not in " _-")


def parse_fc_list(output: str) -> list[FaceFile]:
    """Parse ``fc-list --format '%{file}\\t%{index}\\t%{family}\\t%{fontformat}\\n'`` (TrueType only)."""
    faces: list[FaceFile] = []
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or parts[3].strip() != "TrueType":
            continue
        path, index, families = parts[0], parts[1], parts[2]
        if not path.lower().endswith((".ttf", ".ttc")):
            continue
        for family in families.split(","):
            faces.append(FaceFile(Path(path), int(index or 0), family.strip()))
    return faces


@lru_cache(maxsize=1)
def fc_list() -> tuple[FaceFile, ...]:
    """The machine's TrueType faces by family, from fontconfig (none where fc-list is missing)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return ()
    try:
        result = subprocess.run(
            [exe, "--format", "%{file}\t%{index}\t%{family}\t%{fontformat}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(parse_fc_list(result.stdout))


def index_files(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-case file name -> path of every .ttf/.ttc under the folders (first folder wins)."""
    found: dict[str, Path] = {}
    for folder in dirs:
        try:
            if not folder.is_dir():
                continue
            for root, _subdirs, files in os.walk(folder):
                for name in files:
                    if name.lower().endswith((".ttf", ".ttc")):
                        found.setdefault(name.lower(), Path(root) / name)
        except OSError:
            continue
    return found


def candidates(role: str, files: dict[str, Path], families: Sequence[FaceFile]) -> list[FaceFile]:
    """The official faces for a role present on the machine, best first: file names, then families."""
    out = [FaceFile(files[name.lower()]) for name in FILE_CANDIDATES[role] if name.lower() in files]
    by_family: dict[str, list[FaceFile]] = {}
    for face in families:
        by_family.setdefault(_key(face.family), []).append(face)
    for family in FAMILY_CANDIDATES[role]:
        out.extend(by_family.get(_key(family), []))
    return out


def _alias(face: FaceFile) -> str:
    return f"Desk-{face.path.stem}-{face.index}"


def register(face: FaceFile) -> str | None:
    """Register a face once per process; None when reportlab cannot embed it or it has no 汉字."""
    alias = _alias(face)
    try:
        pdfmetrics.getFont(alias)
        return alias
    except KeyError:
        pass
    try:
        font = TTFont(alias, str(face.path), subfontIndex=face.index)
    except Exception:  # noqa: BLE001 - a broken or CFF system font must not stop printing
        return None
    if not all(ord(ch) in font.face.charToGlyph for ch in "中华人民共和国"):
        return None
    _alias_glyphs(font)
    pdfmetrics.registerFont(font)
    return alias


# Characters a GB2312 face lacks, drawn with the glyph of one it has: the Arphic faces have no 〇
# (U+3007, the zero of a court date) but a ○ of the same design size. The text layer keeps 〇.
_GLYPH_ALIASES = {0x3007: 0x25CB}


def _alias_glyphs(font: TTFont) -> None:
    cmap, widths = font.face.charToGlyph, font.face.charWidths
    for missing, present in _GLYPH_ALIASES.items():
        if missing not in cmap and present in cmap:
            cmap[missing] = cmap[present]
            widths[missing] = widths.get(present, font.face.defaultWidth)


def family_of(alias: str) -> str:
    face = pdfmetrics.getFont(alias).face
    name = face.familyName
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)


def build_font_set(
    dirs: Iterable[Path] | None = None, families: Sequence[FaceFile] | None = None, *, bundled_only: bool = False
) -> FontSet:
    """Find and register every role's face (see the module's docstring for the order)."""
    files = {} if bundled_only else index_files(system_dirs() if dirs is None else dirs)
    names: dict[str, str] = {}
    paths: dict[str, str] = {}
    substituted: list[Substitution] = []
    fallback = register(FaceFile(BUNDLED)) or ""
    for role in ROLES:
        found = None
        if not bundled_only:
            official = candidates(role, files, ())
            if not official:  # fontconfig only when a file name did not answer
                official = candidates(role, files, fc_list() if families is None else families)
            for face in official:
                alias = register(face)
                if alias:
                    found = (alias, face.path)
                    break
        if found is None:
            bundled = BUNDLED_FOR[role]
            alias = register(FaceFile(bundled)) or fallback
            found = (alias, bundled if alias != fallback else BUNDLED)
        names[role], paths[role] = found[0], str(found[1])
        if found[1].parent == FONT_DIR:
            substituted.append(Substitution(role, ROLE_LABELS[role], family_of(found[0])))
    families_used = {role: family_of(alias) for role, alias in names.items()}
    return FontSet(
        body=names["body"],
        title=names["title"],
        heading=names["heading"],
        files=paths,
        song=names["song"],
        kai=names["kai"],
        fallback=fallback or names["heading"],
        families=families_used,
        substituted=tuple(substituted),
    )


@lru_cache(maxsize=1)
def font_set() -> FontSet:
    """The papers' faces, found and parsed once per process; honours LAOSHAN_DESK_BUNDLED_FONT_ONLY=1
    (tests, CI: the same PDFs on every machine)."""
    return build_font_set(bundled_only=os.environ.get("LAOSHAN_DESK_BUNDLED_FONT_ONLY") == "1")


def substitution_message() -> str:
    """For the preview: which official faces this machine lacks ('' when none)."""
    return font_set().substitution_message()


_WIDTHS: dict[str, dict[str, float]] = {}


def width_table(alias: str) -> dict[str, float]:
    """A face's advance widths in ems (1.0 for a 汉字) by character, filled as characters are met."""
    table = _WIDTHS.get(alias)
    if table is None:
        table = _WIDTHS[alias] = {}
    return table


def char_width(alias: str, ch: str) -> float:
    """A character's advance in ems, cached per face."""
    table = width_table(alias)
    w = table.get(ch)
    if w is None:
        face = pdfmetrics.getFont(alias).face
        w = table[ch] = face.charWidths.get(ord(ch), face.defaultWidth) / 1000.0
    return w


def cmap(alias: str) -> dict[int, int]:
    """The face's character map (code point -> glyph): what it can draw."""
    table: dict[int, int] = pdfmetrics.getFont(alias).face.charToGlyph
    return table


def has_glyph(alias: str, ch: str) -> bool:
    """Whether the face draws the character (reportlab would print its empty box otherwise)."""
    return ord(ch) in cmap(alias)
