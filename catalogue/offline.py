"""The offline copy: a zip of the whole hub that works from disk, with a manifest.

Plain Python: the MkDocs build itself is run by scripts/build_offline.py. The zip is
reproducible: entries sorted, timestamps set to the build date, no source maps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_NAME = "jet-cr-hub-offline.zip"
ROOT_FOLDER = "jet-cr-hub"  # everything unzips into one folder
LEFT_OUT = (".map",)
ONLINE_ONLY = ("404.html", "_headers", "robots.txt", "sitemap.xml", "sitemap.xml.gz")  # for web servers and crawlers, not
# for a reader on disk (the 404 page's root addresses would even show it unstyled)


@dataclass(frozen=True)
class ZipInfo:
    name: str
    size: int
    sha256: str
    built: str  # YYYY-MM-DD


def _files(site: Path) -> list[Path]:
    """What goes into the copy: the built site less what only a web server uses."""
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in LEFT_OUT
                  and p.relative_to(site).as_posix() not in ONLINE_ONLY)


def manifest(site: Path, version: str, commit: str, built: dt.date, languages: list[str], counts: dict[str, int],
             online: str = "", sample_notice: str = "", licence: tuple[str, str] | None = None, sources: str = "") -> dict:
    files = _files(site)
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
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }


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


def readme(info: dict) -> str:
    latest = f"{info['online']}downloads/{ZIP_NAME}" if info.get("online") else ""
    # each language's paragraph: how to open the copy, and (with an address to get a newer one) how to update it
    start = "\n\n".join(START[lang] + ("\n" + UPDATE[lang].format(zip=latest) if latest else "")
                         for lang in info["languages"] if lang in START)
    sample = f"{info['sample_notice']}\n\n" if info.get("sample_notice") else ""
    licence = info.get("licence")
    terms = (f"The hub's own texts and data: {licence['name']} ({licence['url']}). Each resource keeps its "
             "publisher's terms.\n\n") if licence else ""
    size = f"{info['bytes'] / 1e6:.0f} MB in {info['files']:,} files" if info.get("bytes") else ""
    return (
        f"{info['name']}\n\nVersion {info['version']} ({info['commit']}), built {info['built']}"
        + (f"; {size} once extracted" if size else "") + f".\n\n{sample}{start}\n\n"
        "Everything works without a connection: pages, links, downloads, the language menu and search.\n\n"
        + terms + "What it holds: " + ", ".join(f"{n} {k}" for k, n in info["contents"].items())
        + f"; languages: {', '.join(info['languages'])}.\n"
    )


def write_zip(site: Path, target: Path, info: dict, built: dt.date) -> ZipInfo:
    """Zip `site` into `target` reproducibly, with MANIFEST.json and README.txt at the top."""
    stamp = (max(built.year, 1980), built.month, built.day, 0, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    extra = {"MANIFEST.json": json.dumps(info, indent=2, ensure_ascii=False) + "\n", "README.txt": readme(info)}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in sorted(extra.items()):
            _add(archive, f"{ROOT_FOLDER}/{name}", text.encode("utf-8"), stamp)
        for path in _files(site):
            _add(archive, f"{ROOT_FOLDER}/{path.relative_to(site).as_posix()}", path.read_bytes(), stamp)
    return describe(target, built)


def _add(archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data, compresslevel=9)


def describe(path: Path, built: dt.date | None = None) -> ZipInfo:
    data = path.read_bytes()
    if built is None:
        built = dt.date.fromisoformat(read_manifest(path)["built"])
    return ZipInfo(path.name, len(data), hashlib.sha256(data).hexdigest(), built.isoformat())


def read_manifest(path: Path) -> dict:
    """The MANIFEST.json of a zip write_zip wrote."""
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(f"{ROOT_FOLDER}/MANIFEST.json"))
