"""Linking per-article events into incidents across outlets and days."""
