"""A volunteer's accepted missions as an iCalendar subscription behind a secret link."""
