"""Embeddable mission widgets of the networks: configuration, the framable page, statistics."""
