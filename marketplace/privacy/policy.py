"""What the terms and the privacy policy promise, as values the code and the pages share.

Change ``TERMS_VERSION`` whenever the text of the terms or of the privacy policy changes in
substance: each account records the version it accepted and when.
"""

from __future__ import annotations

TERMS_VERSION = "2026-12-07"

# Retention periods stated in the privacy policy, in days; the purge and the pages read them.
ACCOMPANIMENT_REQUEST_DAYS = 365  # a handled request for accompaniment is erased after a year
OUTBOX_SENT_DAYS = 90  # sent e-mails stay in the outbox this long (proof of delivery, retries)
