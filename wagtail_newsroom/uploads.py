"""Uploaded import files: validation, storage and unpacking into a working directory.

Uploads are checked when they arrive (extension, size, and for zips every member's name and
size) so that a bad file gets a clear message at once; the background tasks unpack the stored
files into a temporary directory and hand their paths to the importer's ``run_import``.
"""

import contextlib
import posixpath
import stat
import uuid
import zipfile
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .conf import newsroom_settings
from .importer.sources import SUFFIXES

ARTICLE_SUFFIXES = tuple(SUFFIXES)
ZIP_SUFFIX = ".zip"
# Files a zip may carry beside its articles (images the articles refer to).
RESOURCE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
ALLOWED_SUFFIXES = (*ARTICLE_SUFFIXES, ZIP_SUFFIX)
# A member that expands more than this many times over is treated as a zip bomb.
MAX_COMPRESSION_RATIO = 100
STORAGE_DIR = "wagtail_newsroom/imports"


def suffix(name):
    return PurePosixPath(name).suffix.lower()


def validate_upload(upload):
    """Raise ValidationError with a message naming the file if ``upload`` cannot be imported."""
    name = upload.name
    if suffix(name) not in ALLOWED_SUFFIXES:
        raise ValidationError(
            _("%(name)s: only %(allowed)s files can be imported."),
            params={"name": name, "allowed": ", ".join(ALLOWED_SUFFIXES)},
            code="extension",
        )
    limit = newsroom_settings.IMPORT_MAX_FILE_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; the limit is %(limit)s."),
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
            code="size",
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty."), params={"name": name}, code="empty")
    if suffix(name) == ZIP_SUFFIX:
        # The images a zip carries are not articles.
        return sum(
            suffix(member) in ARTICLE_SUFFIXES for _info, member in zip_members(upload, name)
        )
    return 1


def safe_member_name(name):
    """The member's path inside a zip, or None when it could escape the directory it goes in."""
    if "\\" in name or "\x00" in name:
        return None
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        return None
    normalised = posixpath.normpath(name)
    return None if normalised.startswith(("..", "/")) else normalised


def zip_members(fileobj, name):
    """The article and image members of a zip, checked; ValidationError on anything unsafe."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationError(
            _("%(name)s is not a valid zip file."), params={"name": name}, code="zip"
        ) from None
    members, total, compressed = [], 0, 0
    files, folders = set(), set()
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = safe_member_name(info.filename)
            if member is None:
                raise ValidationError(
                    _("%(name)s: the path “%(member)s” would be written outside the import."),
                    params={"name": name, "member": info.filename},
                    code="zip-path",
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ValidationError(
                    _("%(name)s: “%(member)s” is a symbolic link, which is not allowed."),
                    params={"name": name, "member": info.filename},
                    code="zip-link",
                )
            if info.flag_bits & 0x1:
                raise ValidationError(
                    _("%(name)s: “%(member)s” is encrypted."),
                    params={"name": name, "member": info.filename},
                    code="zip-encrypted",
                )
            if suffix(member) not in (*ARTICLE_SUFFIXES, *RESOURCE_SUFFIXES):
                continue
            check_place(name, info.filename, member, files, folders)
            if suffix(member) in ARTICLE_SUFFIXES:
                check_article_size(name, info.filename, info.file_size)
            total += info.file_size
            compressed += info.compress_size
            # Many small members, each under the per-member threshold, may still be a bomb
            # together: the ratio is checked for the member and for the archive so far.
            ratios = (info.file_size / max(info.compress_size, 1), total / max(compressed, 1))
            if (
                max(ratios) > MAX_COMPRESSION_RATIO and max(info.file_size, total) > 1024 * 1024
            ) or total > newsroom_settings.IMPORT_MAX_UNCOMPRESSED_SIZE:
                raise ValidationError(
                    _(
                        "%(name)s expands to more than %(limit)s or is compressed suspiciously "
                        "well; it was rejected."
                    ),
                    params={
                        "name": name,
                        "limit": filesizeformat(newsroom_settings.IMPORT_MAX_UNCOMPRESSED_SIZE),
                    },
                    code="zip-bomb",
                )
            members.append((info, member))
    if not any(suffix(member) in ARTICLE_SUFFIXES for _info, member in members):
        raise ValidationError(
            _("%(name)s holds no .txt or .html articles."), params={"name": name}, code="zip-empty"
        )
    return members


def check_place(name, filename, member, files, folders):
    """Refuse a member written where another already is: the same name twice, or a file
    where another member needs a folder (or the other way round)."""
    parents = {str(parent) for parent in PurePosixPath(member).parents if str(parent) != "."}
    if member in files or member in folders or parents & files:
        raise ValidationError(
            _("%(name)s: “%(member)s” is in the zip twice, or as a file and a folder."),
            params={"name": name, "member": filename},
            code="zip-clash",
        )
    files.add(member)
    folders.update(parents)


def check_article_size(name, filename, size):
    """Refuse an article larger than an uploaded file may be, zipped or not."""
    limit = newsroom_settings.IMPORT_MAX_FILE_SIZE
    if size > limit:
        raise ValidationError(
            _("%(name)s: “%(member)s” is larger than %(limit)s."),
            params={"name": name, "member": filename, "limit": filesizeformat(limit)},
            code="size",
        )


def article_count(uploads):
    return sum(validate_upload(upload) for upload in uploads)


def store_uploads(uploads):
    """Save the uploaded files; returns [{"name", "file"}] for ``ImportRun.uploads``."""
    folder = f"{STORAGE_DIR}/{uuid.uuid4().hex}"
    stored = []
    for upload in uploads:
        upload.seek(0)
        filename = get_valid_filename(Path(upload.name).name) or "upload"
        saved = default_storage.save(f"{folder}/{filename}", upload)
        stored.append({"name": Path(upload.name).name, "file": saved})
    return stored


class TotalSize:
    """One running count of the bytes written while unpacking an upload, across all its files."""

    def __init__(self):
        self.limit = newsroom_settings.IMPORT_MAX_TOTAL_SIZE
        self.written = 0

    def add(self, size):
        self.written += size
        if self.written > self.limit:
            raise ValidationError(
                _("The upload expands to more than %(limit)s in all; it was rejected."),
                params={"limit": filesizeformat(self.limit)},
                code="total-size",
            )


def unpack(uploads, directory):
    """Write the stored uploads into ``directory`` (zips unpacked, checked again).

    Returns {path: display name} for the articles, in upload order.
    """
    directory = Path(directory)
    sources = {}
    total = TotalSize()
    for index, upload in enumerate(uploads):
        # One folder per upload so that files of the same name do not collide.
        folder = directory / str(index)
        folder.mkdir(parents=True, exist_ok=True)
        with default_storage.open(upload["file"], "rb") as stored:
            if suffix(upload["name"]) == ZIP_SUFFIX:
                unpacked = unpack_zip(stored, upload["name"], folder, total)
                sources.update((path, shown) for path, shown in unpacked.items() if shown)
            else:
                target = folder / (get_valid_filename(upload["name"]) or "upload.txt")
                with target.open("wb") as out:
                    for chunk in iter(lambda: stored.read(1024 * 1024), b""):
                        total.add(len(chunk))
                        out.write(chunk)
                sources[str(target)] = upload["name"]
    return sources


def upload_root(path, directory):
    """The folder ``unpack`` wrote the upload holding ``path`` into: the upload's own root."""
    relative = Path(path).resolve().relative_to(Path(directory).resolve())
    return Path(directory, relative.parts[0])


def unpack_zip(fileobj, name, folder, total=None):
    total = total or TotalSize()
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = zip_members(fileobj, name)
            return dict(unpack_member(archive, name, folder, *m, total) for m in members)
    except zipfile.BadZipFile as error:
        # A member whose data does not match its directory entry (size, checksum).
        raise ValidationError(
            _("%(name)s is damaged: %(error)s"), params={"name": name, "error": error}
        ) from None


def unpack_member(archive, name, folder, info, member, total):
    """Write one member; (its path, its display name), or (path, None) for an image."""
    target = (folder / member).resolve()
    if folder.resolve() not in target.parents:
        raise ValidationError(
            _("%(name)s: the path “%(member)s” would be written outside the import."),
            params={"name": name, "member": info.filename},
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    is_article = suffix(member) in ARTICLE_SUFFIXES
    # Copied in chunks with the real size counted. zipfile reads no more than the size the
    # directory declares (checked by ``zip_members``) and fails on data that does not match it.
    written = 0
    with archive.open(info) as source, target.open("wb") as out:
        for chunk in iter(lambda: source.read(1024 * 1024), b""):
            written += len(chunk)
            if is_article:
                check_article_size(name, info.filename, written)
            total.add(len(chunk))
            out.write(chunk)
    return str(target), f"{name}/{member}" if is_article else None


def unpacked_path(path, directory):
    """``path``, written by ``unpack`` into ``directory``, as a path inside the upload."""
    return Path(path).resolve().relative_to(Path(directory).resolve()).as_posix()


def store_unpacked(uploads, directory):
    """Save every file ``unpack`` wrote into ``directory`` beside the uploads, so that any
    worker can fetch an article, and the images it refers to, alone; returns {path inside the
    upload: storage name}."""
    folder = f"{posixpath.dirname(uploads[0]['file'])}/unpacked"
    stored = {}
    for path in sorted(Path(directory).rglob("*")):
        if path.is_file():
            relative = unpacked_path(path, directory)
            with path.open("rb") as content:
                stored[relative] = default_storage.save(f"{folder}/{relative}", content)
    return stored


def fetch_unpacked(files, relative, directory):
    """Write the stored copy of the upload's ``relative`` file where ``unpack`` wrote it
    under ``directory``; returns its path."""
    target = Path(directory, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    with default_storage.open(files[relative], "rb") as stored, target.open("wb") as out:
        for chunk in iter(lambda: stored.read(1024 * 1024), b""):
            out.write(chunk)
    return str(target)


def delete_uploads(uploads, files=()):
    """Remove the stored files of a run, uploaded and unpacked (and the run's folders, when
    the storage has folders)."""
    folders = set()
    for name in [*(upload["file"] for upload in uploads), *files]:
        default_storage.delete(name)
        folders.update(
            str(folder)
            for folder in PurePosixPath(name).parents
            if str(folder).startswith(f"{STORAGE_DIR}/")
        )
    # Deepest first, so that a folder emptied of its folders goes too.
    for folder in sorted(folders, key=lambda folder: folder.count("/"), reverse=True):
        try:
            path = Path(default_storage.path(folder))
        except NotImplementedError:
            continue
        with contextlib.suppress(OSError):
            path.rmdir()
