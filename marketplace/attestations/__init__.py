"""Attestations de bénévolat: hours per association and per year, as a PDF with a verification code."""
