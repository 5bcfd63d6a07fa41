"""Website addresses and logo re-encoding: pure rules, no app."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from marketplace.accounts.validation import safe_website, website_problem
from marketplace.associations import logos


@pytest.mark.parametrize(
    "url",
    [
        "javascript://example.fr/%0Aalert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "ftp://mon-asso.fr",
        "//mon-asso.fr",
        "mon-asso.fr",
        "https://",
        "https://localhost",
        "https://mon asso.fr",
        "https://[::1",
        "https:javascript:alert(1)",
    ],
)
def test_anything_but_a_plain_http_address_is_refused_and_never_rendered(url):
    assert website_problem(url) is not None
    assert safe_website(url) is None


@pytest.mark.parametrize(
    "url", ["https://mon-asso.fr", "http://www.mon-asso.fr/page?x=1#a", "HTTPS://Mon-Asso.fr"]
)
def test_http_and_https_addresses_are_kept(url):
    assert website_problem(url) is None
    assert safe_website(f"  {url} ") == url


def _image_bytes(fmt: str, size=(64, 48), mode="RGB", **save) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, 128 if mode in ("1", "L") else (20, 120, 200)).save(output, fmt, **save)
    return output.getvalue()


def _exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90°
    exif.get_ifd(0x8825)[2] = (45.0, 45.0, 0.0)  # GPSLatitude
    return exif.tobytes()


def test_a_photo_is_turned_upright_shrunk_and_stripped_of_every_metadata():
    original = _image_bytes("JPEG", size=(1200, 800), exif=_exif_with_gps(), comment=b"private note")
    assert b"SecretCam" in original
    encoded = logos.reencode_logo(original)
    assert b"SecretCam" not in encoded and b"private note" not in encoded
    with Image.open(io.BytesIO(encoded)) as result:
        assert result.format == "WEBP"
        assert result.size == (341, 512)  # rotated by its EXIF orientation, then fit in 512 × 512
        assert not result.getexif() and "icc_profile" not in result.info and "exif" not in result.info


def test_the_type_comes_from_the_bytes_not_from_a_name():
    for fmt in ("PNG", "GIF", "WEBP", "JPEG"):
        assert logos.reencode_logo(_image_bytes(fmt)).startswith(b"RIFF")
    see_through = io.BytesIO()
    Image.new("RGBA", (32, 32), (20, 120, 200, 90)).save(see_through, "PNG")
    transparent = logos.reencode_logo(see_through.getvalue())
    with Image.open(io.BytesIO(transparent)) as result:
        assert result.mode == "RGBA"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "not_an_image"),
        (b"%PDF-1.4 not an image", "not_an_image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not_an_image"),  # a PNG signature and nothing valid after
        (b"\x00" * (logos.MAX_UPLOAD_BYTES + 1), "too_large"),
    ],
)
def test_what_is_not_an_accepted_image_is_rejected(data, reason):
    with pytest.raises(logos.LogoRejected) as rejected:
        logos.reencode_logo(data)
    assert rejected.value.reason == reason


def test_pixel_bombs_and_specks_are_rejected_before_decoding():
    bomb = _image_bytes("PNG", size=(5001, 5001), mode="1")  # small file, huge picture
    assert len(bomb) < logos.MAX_UPLOAD_BYTES
    with pytest.raises(logos.LogoRejected) as rejected:
        logos.reencode_logo(bomb)
    assert rejected.value.reason == "too_many_pixels"
    with pytest.raises(logos.LogoRejected) as rejected:
        logos.reencode_logo(_image_bytes("PNG", size=(8, 8)))
    assert rejected.value.reason == "too_small"


def test_file_names_follow_the_content_and_are_the_only_ones_served():
    encoded = logos.reencode_logo(_image_bytes("PNG"))
    name = logos.logo_file_name(12, encoded)
    assert logos.is_logo_name(name) and name.startswith("12-") and name.endswith(".webp")
    assert logos.logo_file_name(12, encoded) == name
    for bad in ("../secret.webp", "12-abc.webp", "12-0123456789abcdef.png", "x.webp"):
        assert not logos.is_logo_name(bad)
