"""Association logos: check an upload, re-encode it, store it, find it again (Pillow; no Flask).

An upload is never stored as sent. Its type is read from its bytes (Pillow's decoders, limited to
PNG, JPEG, WebP and GIF), never from its name or the browser's Content-Type; its size and pixel
count are bounded before decoding (no decompression bomb); it is turned upright, shrunk to at most
``OUTPUT_SIDE`` pixels, copied pixel by pixel into a fresh image (no EXIF, GPS, ICC profile or
comment survives) and written as WebP. The file name is the association id and a hash of the
result, so a new logo has a new address and browsers may cache each one for a year.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_INPUT_PIXELS = 5000 * 5000
MIN_INPUT_SIDE = 16
OUTPUT_SIDE = 512
ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
OUTPUT_FORMAT, OUTPUT_EXTENSION, OUTPUT_MIMETYPE = "WEBP", "webp", "image/webp"
NAME_PATTERN = re.compile(r"^\d{1,10}-[0-9a-f]{16}\.webp$")


class LogoRejected(ValueError):
    """The upload is not an image we accept; ``reason`` says which rule it broke."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "too_large", "not_an_image", "too_many_pixels", "too_small"


def reencode_logo(data: bytes) -> bytes:
    """Check an uploaded image and return it as a clean, bounded WebP; LogoRejected otherwise."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise LogoRejected("too_large")
    try:
        with Image.open(BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            width, height = image.size
            # Checked on the header's size, before any pixel is decoded.
            if width * height > MAX_INPUT_PIXELS:
                raise LogoRejected("too_many_pixels")
            if min(width, height) < MIN_INPUT_SIDE:
                raise LogoRejected("too_small")
            image.seek(0)  # an animated GIF or WebP keeps its first frame
            upright = ImageOps.exif_transpose(image)
            upright.load()
            pixels = _without_metadata(upright)
    except LogoRejected:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise LogoRejected("not_an_image") from error
    pixels.thumbnail((OUTPUT_SIDE, OUTPUT_SIDE), Image.Resampling.LANCZOS)
    output = BytesIO()
    pixels.save(output, OUTPUT_FORMAT, quality=88, method=4)
    return output.getvalue()


def _without_metadata(image: Image.Image) -> Image.Image:
    """A fresh image holding only the pixels: EXIF, XMP, ICC and comments stay behind."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if has_alpha else "RGB"
    converted = image.convert(mode)
    clean = Image.new(mode, converted.size)
    clean.paste(converted)
    return clean


def logo_file_name(association_id: int, encoded: bytes) -> str:
    digest = hashlib.sha256(encoded).hexdigest()[:16]
    return f"{association_id}-{digest}.{OUTPUT_EXTENSION}"


def store_logo(directory: Path, name: str, encoded: bytes) -> Path:
    """Write the file atomically (a reader never sees half a logo)."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(encoded)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def discard_logo(directory: Path, name: str | None) -> None:
    """Remove a logo file that no association uses any more."""
    if name and NAME_PATTERN.match(name):
        (directory / name).unlink(missing_ok=True)


def is_logo_name(name: str) -> bool:
    return bool(NAME_PATTERN.match(name))
