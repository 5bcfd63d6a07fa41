"""Fetching a feed over HTTPS, safely: every hop's address is resolved and checked (no private,
loopback or link-local address), the connection goes to the address that was checked (no DNS
rebinding between check and connect), bodies are capped in size and time, and the request is
conditional (ETag / Last-Modified). Plain http and local addresses are allowed only when the
app's ``FEEDS_ALLOW_LOCAL`` is set (tests serve feeds from 127.0.0.1)."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import tempfile
import time
from dataclasses import dataclass
from typing import IO
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 50 * 1024 * 1024
TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 5
USER_AGENT = "Tremplin feed reader (+https://github.com/)"


class FetchFailed(Exception):
    """The feed could not be fetched: nothing is written or closed."""


@dataclass
class Fetched:
    """A fetched body in a temporary file (None when the server answered 304 Not Modified)."""

    body: IO[bytes] | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.body is None


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return ip.is_global and not ip.is_multicast


def _checked_address(host: str, port: int, *, allow_local: bool) -> str:
    """The address to connect to: every address the name resolves to must be public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchFailed(f"unknown host {host}") from error
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise FetchFailed(f"unknown host {host}")
    if not allow_local and not all(_is_public(address) for address in addresses):
        raise FetchFailed(f"{host} resolves to a private or local address: refused")
    return addresses[0]


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to an address already checked, with the certificate checked against the host name."""

    def __init__(self, host: str, address: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def check_url(url: str, *, allow_local: bool = False) -> str | None:
    """Why this feed address is refused before any fetch (None when it may be fetched)."""
    parts = urlsplit(url)
    if parts.scheme != "https" and not (allow_local and parts.scheme == "http"):
        return "only https addresses are fetched"
    if not parts.hostname:
        return "no host in the address"
    if parts.username or parts.password:
        return "no user name or password in the address"
    return None


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_local: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> Fetched:
    """GET the feed, following up to MAX_REDIRECTS redirects, each hop checked again."""
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        reason = check_url(url, allow_local=allow_local)
        if reason:
            raise FetchFailed(f"{url}: {reason}")
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _checked_address(host, port, allow_local=allow_local)
        remaining = max(deadline - time.monotonic(), 0.1)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        connection = kind(host, address, port, remaining)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/xml, text/xml"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                connection.close()
                if not location:
                    raise FetchFailed(f"redirect without a location from {url}")
                url = urljoin(url, location)
                continue
            if response.status == 304:
                connection.close()
                return Fetched(None, etag, last_modified)
            if response.status != 200:
                connection.close()
                raise FetchFailed(f"HTTP {response.status} from {url}")
            body = _read_capped(response, max_bytes=max_bytes, deadline=deadline)
            return Fetched(body, response.getheader("ETag"), response.getheader("Last-Modified"))
        except (OSError, http.client.HTTPException) as error:
            raise FetchFailed(f"{url}: {type(error).__name__} {error}") from error
        finally:
            connection.close()
    raise FetchFailed(f"more than {MAX_REDIRECTS} redirects")


def _read_capped(response: http.client.HTTPResponse, *, max_bytes: int, deadline: float) -> IO[bytes]:
    """The body in a temporary file, refused past max_bytes or past the deadline."""
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(f"the feed is larger than {max_bytes} bytes")
    body = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the caller, who closes it
    size = 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            body.close()
            raise FetchFailed(f"the feed is larger than {max_bytes} bytes")
        if time.monotonic() > deadline:
            body.close()
            raise FetchFailed("the feed took too long to download")
        body.write(chunk)
    body.seek(0)
    return body
