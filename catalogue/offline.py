"""The offline copies: zips of the hub that work from disk, each with a manifest and a README.

Plain Python: the MkDocs build itself is run by scripts/build_offline.py, once; each copy is a
selection of that build. The complete copy holds every language. A language's copy holds its
pages and the default language's, with every resource page (a listing links to each resource
in the language it is written in) and the search data of every language (which holds those
resources' whole text): links to the pages it leaves out lead to the hub online, marked as
links that need a connection. The zips are reproducible: entries in a fixed order, timestamps
set to the build date, no source maps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from catalogue.sanitize import mark_external

ZIP_NAME = "jet-cr-hub-offline.zip"  # the complete copy; a language's copy: zip_name(lang)
ROOT_FOLDER = "jet-cr-hub"  # every copy unzips into one folder, so that one replaces another
LEFT_OUT = (".map",)
ONLINE_ONLY = ("404.html", "_headers", "robots.txt", "sitemap.xml", "sitemap.xml.gz")  # for web servers and crawlers, not
# for a reader on disk (the 404 page's root addresses would even show it unstyled)
IN_EVERY_COPY = ("resources/", "citations/")  # under a language's folder: its resources, kept in every copy


def zip_name(lang: str = "") -> str:
    """The zip of one language's copy, or of the complete copy (no language)."""
    return f"jet-cr-hub-offline-{lang}.zip" if lang else ZIP_NAME


def copies_to_make(languages: list[str], per_language: bool = True) -> list[str]:
    """The copies a build makes: the complete one ('') and, unless mkdocs.yml's
    extra.offline_copies_per_language is false, each language's."""
    return [""] + (list(languages) if per_language else [])


def copy_languages(lang: str, languages: list[str]) -> list[str]:
    """A language's copy holds the default language too: most resources, and their pages' menus, are in it."""
    return [languages[0]] if lang == languages[0] else [languages[0], lang]


@dataclass(frozen=True)
class ZipInfo:
    name: str
    size: int
    sha256: str
    built: str  # YYYY-MM-DD
    languages: tuple[str, ...]


def _files(site: Path, keep: list[str], languages: list[str]) -> list[tuple[str, Path]]:
    """What goes into a copy of the languages `keep`: the built site less what only a web server
    uses, and less the other languages' pages but for their resources."""
    def kept(rel: str) -> bool:
        folder, _, rest = rel.partition("/")
        return (rel not in ONLINE_ONLY and (not rest or folder not in languages or folder in keep
                                            or rest.startswith(IN_EVERY_COPY)))
    files = ((p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file() and p.suffix not in LEFT_OUT)
    return sorted((rel, p) for rel, p in files if kept(rel))


def manifest(version: str, commit: str, built: dt.date, languages: list[str], counts: dict[str, int],
             online: str = "", sample_notice: str = "", licence: tuple[str, str] | None = None, sources: str = "") -> dict:
    """What every copy says of the hub; write_zip adds what the copy holds."""
    return {
        "name": "JET Coal Regions Knowledge Hub, offline copy",
        "version": version,
        "commit": commit,
        "sources": sources,  # catalogue.cache.digest of the content it was built from: a build can tell a stale copy
        "built": built.isoformat(),
        "open": "index.html",
        "online": online,
        "sample_notice": sample_notice,  # set when the content is sample data (mkdocs.yml extra.sample_content)
        "licence": {"name": licence[0], "url": licence[1]} if licence else None,  # of the hub's own texts and data
        "languages": languages,
        "contents": counts,
    }


_LINK = re.compile(r'<(?:a|link)\s(?:[^>]*?\s)?href="([^"]*)"[^>]*>')  # not data-href
_PATH = re.compile(r"([^?#]*)(.*)", re.DOTALL)


def online_links(html: str, page: str, present: set[str], online: str) -> str:
    """Point the links of `page` to pages left out of this copy at the hub online, and mark them
    as the links that need a connection are marked (the language menu's other languages)."""
    folder = posixpath.dirname(page)

    def swap(match: re.Match) -> str:
        href = match.group(1)
        path, tail = _PATH.match(href).groups()  # tail: the query and fragment, kept
        if not path or ":" in path or path.startswith("/"):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(folder, unquote(path)))
        if target in present or target.startswith("../"):
            return match.group(0)
        address = target.removesuffix("index.html")
        if address.endswith(".html"):
            address = address.removesuffix(".html") + "/"  # the hub online has folder addresses
        tag = match.group(0).replace(f'href="{href}"', f'href="{online}{address}{tail}"', 1)
        return mark_external(tag) if tag.startswith("<a") else tag

    return _LINK.sub(swap, html)


_SEARCH_FORM = re.compile(r'(<form class="hub-search"[^>]*?) action="[^"]*"')


def search_in_copy(html: str, page: str, lang: str, default: str) -> str:
    """Point the header search of `page`, in a language its copy leaves out (a resource written in
    it), at the search of the copy's language `lang`: the page's own language's search page and
    listings are not in the copy, and its results would link to them."""
    search = "search/index.html" if lang == default else f"{lang}/search/index.html"
    action = posixpath.relpath(search, posixpath.dirname(page) or ".")
    return _SEARCH_FORM.sub(lambda m: f'{m.group(1)} action="{action}" data-lang="{lang}"', html, count=1)


# How to open the copy, and how to update it, in each interface language: many readers will not read
# the English. A phone's file app often opens a page from disk without its links: the copy is made
# for a computer's browser.
START = {
    "en": "Extract the zip file first (on Windows: right-click it, then 'Extract All'); pages opened from\n"
          "inside the zip do not work. Then open index.html in this folder with a web browser on a computer.",
    "es": "Descomprima primero el archivo zip y abra es/index.html con el navegador de un ordenador.",
    "id": "Ekstrak dulu berkas zip, lalu buka id/index.html dengan peramban web di komputer.",
    "vi": "Hãy giải nén tệp zip trước, rồi mở vi/index.html bằng trình duyệt web trên máy tính.",
    "th": "แตกไฟล์ zip ก่อน แล้วเปิด th/index.html ด้วยเว็บเบราว์เซอร์บนคอมพิวเตอร์",
    "mn": "Эхлээд zip файлыг задлаад, mn/index.html файлыг компьютерын вэб хөтчөөр нээнэ үү.",
}
UPDATE = {
    "en": "Links marked with an arrow lead to other sites and need a connection. To update this copy, download\n"
          "{zip} (every page's footer links to it), delete this folder and extract the new zip in its place.",
    "es": "Los enlaces marcados con una flecha llevan a otros sitios y necesitan conexión. Para actualizar esta "
          "copia, descargue {zip}, borre esta carpeta y descomprima la nueva en su lugar.",
    "id": "Tautan bertanda panah menuju situs lain dan memerlukan koneksi. Untuk memperbarui salinan ini, unduh "
          "{zip}, hapus folder ini, lalu ekstrak salinan baru di tempatnya.",
    "vi": "Các liên kết có dấu mũi tên dẫn tới trang web khác và cần kết nối mạng. Để cập nhật bản sao này, hãy "
          "tải {zip}, xoá thư mục này rồi giải nén bản mới vào chỗ cũ.",
    "th": "ลิงก์ที่มีลูกศรจะพาไปยังเว็บไซต์อื่นและต้องเชื่อมต่ออินเทอร์เน็ต หากต้องการอัปเดตสำเนานี้ ให้ดาวน์โหลด {zip} "
          "ลบโฟลเดอร์นี้ แล้วแตกไฟล์ชุดใหม่ไว้แทนที่",
    "mn": "Сумтай холбоосууд өөр сайт руу хөтөлдөг тул интернэт холболт шаардана. Энэ хуулбарыг шинэчлэхийн тулд "
          "{zip} файлыг татаж аваад, энэ хавтсыг устгаж, шинэ хуулбарыг оронд нь задлаарай.",
}


# In a language's copy, the language menu's other languages lead online.
ELSEWHERE = {
    "en": "The language menu's other languages lead to the hub online.",
    "es": "Los demás idiomas del menú de idiomas llevan al centro en línea.",
    "id": "Bahasa lain di menu bahasa mengarah ke pusat pengetahuan daring.",
    "vi": "Các ngôn ngữ khác trong trình đơn ngôn ngữ dẫn tới trung tâm trực tuyến.",
    "th": "ภาษาอื่นในเมนูภาษาจะพาไปยังศูนย์ความรู้ออนไลน์",
    "mn": "Хэлний цэсийн бусад хэл онлайн Мэдлэгийн төв рүү хөтөлнө.",
}


def readme(info: dict) -> str:
    latest = f"{info['online']}downloads/{zip_name(info.get('copy', ''))}" if info.get("online") else ""
    partial = bool(info.get("copy"))
    # each language's paragraph: how to open the copy, and (with an address to get a newer one) how to update it
    start = "\n\n".join(START[lang] + (" " + ELSEWHERE[lang] if partial else "")
                         + ("\n" + UPDATE[lang].format(zip=latest) if latest else "")
                         for lang in info["languages"] if lang in START)
    sample = f"{info['sample_notice']}\n\n" if info.get("sample_notice") else ""
    licence = info.get("licence")
    terms = (f"The hub's own texts and data: {licence['name']} ({licence['url']}). Each resource keeps its "
             "publisher's terms.\n\n") if licence else ""
    size = f"{info['bytes'] / 1e6:.0f} MB in {info['files']:,} files" if info.get("bytes") else ""
    works = ("pages, links, downloads and search; the language menu's other languages lead to the hub online"
             if partial else "pages, links, downloads, the language menu and search")
    return (
        f"{info['name']}\n\nVersion {info['version']} ({info['commit']}), built {info['built']}"
        + (f"; {size} once extracted" if size else "") + f".\n\n{sample}{start}\n\n"
        f"Everything works without a connection: {works}.\n\n"
        + terms + "What it holds: " + ", ".join(f"{n} {k}" for k, n in info["contents"].items())
        + f"; languages: {', '.join(info['languages'])}"
        + (" (every resource, in the language it is written in)" if partial else "") + ".\n"
    )


def write_zip(site: Path, target_folder: Path, info: dict, built: dt.date, lang: str = "") -> ZipInfo:
    """Zip the copy of `site` in `lang` (with the default language), or the complete copy, into
    `target_folder` reproducibly, with MANIFEST.json and README.txt."""
    languages = info["languages"]
    keep = copy_languages(lang, languages) if lang else languages
    files = _files(site, keep, languages)
    present = {rel for rel, _ in files}
    stamp = (max(built.year, 1980), built.month, built.day, 0, 0, 0)
    target = target_folder / zip_name(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for rel, path in files:
            data = path.read_bytes()
            if lang and rel.endswith(".html"):
                html = online_links(data.decode("utf-8"), rel, present, info["online"])
                if rel.partition("/")[0] in languages and rel.partition("/")[0] not in keep:
                    html = search_in_copy(html, rel, lang, languages[0])
                data = html.encode("utf-8")
            size += len(data)
            _add(archive, f"{ROOT_FOLDER}/{rel}", data, stamp)
        # last, once the copy's files are counted; readers find them by name
        info = dict(info, copy=lang, languages=keep, files=len(files), bytes=size)
        extra = {"MANIFEST.json": json.dumps(info, indent=2, ensure_ascii=False) + "\n", "README.txt": readme(info)}
        for name, text in sorted(extra.items()):
            _add(archive, f"{ROOT_FOLDER}/{name}", text.encode("utf-8"), stamp)
    _write_note(target)
    return describe(target)


def _add(archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data, compresslevel=9)


def describe(path: Path, info: dict | None = None) -> ZipInfo:
    """A zip's name, size, SHA-256, build date and languages (`info`: its manifest, when read
    already). The SHA-256 comes from the note write_zip leaves beside the zip, while the zip is
    the file it wrote (same size and time): every build offers seven copies, and hashing them all
    took a second of each build at 1,000 resources (over a gigabyte of zips at 10,000)."""
    info, stat = info or read_manifest(path), path.stat()
    note = _read_note(path)
    known = note.get("size") == stat.st_size and note.get("mtime_ns") == stat.st_mtime_ns
    sha256 = note["sha256"] if known else _sha256(path)
    return ZipInfo(path.name, stat.st_size, sha256, info["built"], tuple(info["languages"]))


def _note_path(path: Path) -> Path:
    return path.with_name(path.name + ".checksum.json")


def _read_note(path: Path) -> dict:
    try:
        return json.loads(_note_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_note(path: Path) -> None:
    stat = path.stat()
    note = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": _sha256(path)}
    _note_path(path).write_text(json.dumps(note) + "\n", encoding="utf-8")


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def read_manifest(path: Path) -> dict:
    """The MANIFEST.json of a zip write_zip wrote."""
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))
