"""Partner API keys: created by network or site admins, shown once, stored as a SHA-256 hash."""
