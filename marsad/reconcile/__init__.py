"""Reconciling the figures of one incident's claims into low/best/high estimates."""
