"""Marsad: Arabic conflict news to a sourced event database."""
__version__ = "0.1.0"
