"""Messages that bring people back: reminders before a mission, digests for associations."""
