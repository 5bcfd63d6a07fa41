"""Mail transports: .eml files in development, SMTP in production, memory in tests."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any, ClassVar, Protocol

from marketplace.inputs import one_line
from marketplace.notifications.models import OutboxMessage


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


def build_message(outbox: OutboxMessage, *, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = outbox.recipient
    message["Subject"] = one_line(outbox.subject)  # a name with CR/LF must not break the headers
    message["Message-ID"] = make_msgid(idstring=f"outbox-{outbox.id}", domain="tremplin.local")
    if outbox.unsubscribe_url:
        # One click from the mail app (RFC 2369 and RFC 8058): a POST to the signed link.
        message["List-Unsubscribe"] = f"<{outbox.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(outbox.body_text)
    if outbox.body_html:
        message.add_alternative(outbox.body_html, subtype="html")
    if outbox.calendar_ics:
        message.add_attachment(
            outbox.calendar_ics.encode("utf-8"), maintype="text", subtype="calendar", filename="mission.ics"
        )
    return message


class FileMailer:
    """Writes each email as an .eml file that any mail client opens."""

    def __init__(self, directory: str):
        self.directory = Path(directory)

    def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = message["Message-ID"].strip("<>").replace("@", "_")
        (self.directory / f"{name}.eml").write_bytes(bytes(message))


class MemoryMailer:
    """Keeps sent emails in a list; tests read it (and can make it fail)."""

    sent: ClassVar[list[EmailMessage]] = []
    fail_next: ClassVar[int] = 0

    def send(self, message: EmailMessage) -> None:
        if MemoryMailer.fail_next > 0:
            MemoryMailer.fail_next -= 1
            raise ConnectionError("simulated transport failure")
        MemoryMailer.sent.append(message)


class SmtpMailer:
    def __init__(self, config: Any):
        self.config = config

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.config["MAIL_SERVER"], self.config["MAIL_PORT"], timeout=30) as smtp:
            if self.config["MAIL_USE_TLS"]:
                smtp.starttls()
            if self.config.get("MAIL_USERNAME"):
                smtp.login(self.config["MAIL_USERNAME"], self.config["MAIL_PASSWORD"])
            smtp.send_message(message)


def mailer_for(config: Any) -> Mailer:
    backend = config["MAIL_BACKEND"]
    if backend == "file":
        return FileMailer(config["MAIL_DIR"])
    if backend == "memory":
        return MemoryMailer()
    if backend == "smtp":
        return SmtpMailer(config)
    raise ValueError(f"Unknown MAIL_BACKEND {backend!r}")
