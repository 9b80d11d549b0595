"""Logging in, the idle lock, the administrator's accounts, the audit viewer and the privacy settings."""
