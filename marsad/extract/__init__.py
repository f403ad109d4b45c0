"""Extraction stages over one document: claims, dates, places, events."""
