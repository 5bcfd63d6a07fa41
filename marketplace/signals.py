"""Signals between features (blinker), as Indico has them: a feature announces, others react.

A view never imports another feature's view: when sign-up must also do the assistant's work, the
accounts feature sends ``accounts.registered`` and the assistant, which connected a receiver in
its own module, reacts. Receivers run in the sender's request and transaction (the view commits
once, after them).

- ``accounts.registered`` (sender: the new ``User``): a candidate account was just created;
  the assistant saves the answers the visitor asked to keep into the new profile.
- ``accounts.signup_prefill`` (sender: None): collect initial values for the candidate sign-up
  form; each receiver returns a dict (the assistant: age range and postcode from its answers).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from blinker import Namespace

_signals = Namespace()

accounts = SimpleNamespace(
    registered=_signals.signal("accounts.registered", doc="A candidate account was created."),
    signup_prefill=_signals.signal("accounts.signup_prefill", doc="Initial values of the sign-up form."),
)


def merged_values(signal: Any, sender: Any = None, **kwargs: Any) -> dict[str, Any]:
    """Send ``signal`` and merge the dicts its receivers returned (later receivers win)."""
    merged: dict[str, Any] = {}
    for _receiver, value in signal.send(sender, **kwargs):
        merged.update(value or {})
    return merged
