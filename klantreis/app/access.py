"""Who may open app mode and the wall: localhost by default; any other address only
with a token or a password (made up and printed when none is given)."""

from __future__ import annotations

import getpass
import ipaddress
import secrets
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import JourneyError
from .texts import TEXTS

DEFAULT_HOST = "127.0.0.1"
TOKEN_ENV = "KLANTREIS_APP_TOKEN"
PASSWORD_ENV = "KLANTREIS_APP_PASSWORD_HASH"
_ANY = ("0.0.0.0", "::", "")


@dataclass(frozen=True)
class Access:
    """The address a server listens on and what a participant needs to get in."""

    host: str
    token: str = ""
    password_hash: str = ""
    notes: tuple[str, ...] = ()

    @property
    def local(self) -> bool:
        """True when only this computer can reach the server."""
        return is_local(self.host)

    def environment(self) -> dict[str, str]:
        """The variables that hand the token or password hash to the server process
        (not on its command line, where other users of the computer could read it)."""
        return {TOKEN_ENV: self.token, PASSWORD_ENV: self.password_hash}


def is_local(host: str) -> bool:
    """True for localhost and loopback addresses (127.x, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def decide_access(
    host: str = DEFAULT_HOST,
    token: str | None = None,
    password: bool = False,
    *,
    language: str | None = None,
    ask: Callable[[str], str] | None = None,
) -> Access:
    """The access rules for ``host``: on localhost nothing is needed (unless a token or
    password is asked for); elsewhere a token or password is required, and made up
    (and listed in ``notes``, to be printed) when none was given. ``ask`` reads a
    password (default: :func:`getpass.getpass` when the terminal is interactive)."""
    if token and password:
        raise JourneyError(TEXTS.text("token_and_password", language))
    notes: list[str] = []
    if not is_local(host):
        notes.append(TEXTS.text("network_warning", language, host=host or "0.0.0.0"))
    if password:
        chosen = _ask_password(language, ask)
        if not chosen:
            chosen = secrets.token_urlsafe(8)
            notes.append(TEXTS.text("password_generated", language, password=chosen))
        else:
            notes.append(TEXTS.text("password_set", language))
        from jupyter_server.auth.security import passwd

        return Access(host, password_hash=passwd(chosen), notes=tuple(notes))
    if not token and not is_local(host):
        token = secrets.token_urlsafe(16)
        notes.append(TEXTS.text("token_generated", language, token=token))
    return Access(host, token=token or "", notes=tuple(notes))


def _ask_password(language: str | None, ask: Callable[[str], str] | None) -> str:
    """A password typed twice; "" when there is no terminal to type it in."""
    if ask is None:
        if not (sys.stdin and sys.stdin.isatty()):
            return ""
        ask = getpass.getpass
    first = ask(TEXTS.text("password_prompt", language))
    if first and ask(TEXTS.text("password_again", language)) != first:
        raise JourneyError(TEXTS.text("password_mismatch", language))
    return first


def share_urls(host: str, port: int, base: str = "/", token: str = "") -> list[str]:
    """The addresses to open: this computer's, and for a network address the ones
    other people in the room can use."""
    query = f"?token={token}" if token else ""
    local = "127.0.0.1" if host in _ANY or is_local(host) else host
    urls = [f"http://{_bracket(local)}:{port}{base}{query}"]
    if host in _ANY:
        urls += [f"http://{_bracket(a)}:{port}{base}{query}" for a in network_addresses()]
    return urls


def network_addresses() -> list[str]:
    """This computer's non-loopback IPv4 addresses: those of its network interfaces
    (Linux), else what its name resolves to. Nothing is sent over the network."""
    found: list[str] = []
    for address in [*_interface_addresses(), *_resolved_addresses()]:
        if not is_local(address) and address not in found:
            found.append(address)
    return found


def _interface_addresses() -> list[str]:
    try:
        import fcntl
        import struct

        names = [name for _, name in socket.if_nameindex()]
    except (ImportError, OSError, AttributeError):
        return []
    addresses = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for name in names:
            request = struct.pack("256s", name.encode()[:15])
            try:
                reply = fcntl.ioctl(sock.fileno(), 0x8915, request)  # SIOCGIFADDR
            except OSError:
                continue  # no IPv4 address on this interface
            addresses.append(socket.inet_ntoa(reply[20:24]))
    return addresses


def _resolved_addresses() -> list[str]:
    try:
        return [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        return []


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host
