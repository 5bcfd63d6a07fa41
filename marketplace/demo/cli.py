"""Placeholder until the demo loader lands."""

from flask.cli import AppGroup

demo_cli = AppGroup("demo", help="Demo data.")
