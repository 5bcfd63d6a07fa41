"""The outbox: emails leave only with their transaction, and failures are retried."""

from __future__ import annotations

from datetime import timedelta

from marketplace.extensions import db
from marketplace.models_base import utcnow
from marketplace.notifications.mailer import FileMailer, MemoryMailer, build_message
from marketplace.notifications.models import OutboxMessage
from marketplace.notifications.services import deliver_pending, queue_email


def _queue(subject: str = "Bonjour") -> OutboxMessage:
    message = queue_email(recipient="lea@example.fr", subject=subject, body_text="Texte")
    db.session.commit()
    return message


def test_rolled_back_transaction_sends_nothing(app, sent_emails):
    queue_email(recipient="lea@example.fr", subject="Jamais", body_text="Texte")
    db.session.rollback()
    assert deliver_pending().sent == 0
    assert sent_emails == []


def test_failed_delivery_is_retried_later_then_sent(app, sent_emails):
    message = _queue()
    MemoryMailer.fail_next = 1
    report = deliver_pending()
    assert (report.sent, report.retried) == (0, 1)
    assert message.attempts == 1 and message.status == "pending" and "simulated" in message.last_error
    assert deliver_pending().sent == 0  # not due yet
    message.next_attempt_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert deliver_pending().sent == 1
    assert message.status == "sent" and sent_emails[0]["Subject"] == "Bonjour"


def test_delivery_gives_up_after_the_maximum_attempts(app):
    app.config["OUTBOX_MAX_ATTEMPTS"] = 2
    message = _queue()
    MemoryMailer.fail_next = 5
    deliver_pending()
    message.next_attempt_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    report = deliver_pending()
    app.config["OUTBOX_MAX_ATTEMPTS"] = 5
    assert report.failed == 1 and message.status == "failed" and message.attempts == 2


def test_file_mailer_writes_an_eml_file(app, tmp_path):
    message = _queue("Réinitialisation")
    FileMailer(str(tmp_path)).send(build_message(message, sender="Tremplin <noreply@tremplin.local>"))
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1
    content = files[0].read_text()
    assert "To: lea@example.fr" in content and "Subject:" in content


def test_outbox_worker_command_delivers(runner, sent_emails):
    _queue()
    result = runner.invoke(args=["outbox", "deliver"])
    assert result.exit_code == 0 and "sent=1" in result.output
    assert len(sent_emails) == 1
