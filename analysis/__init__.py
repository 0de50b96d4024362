"""Comparative criticism toolkit."""
