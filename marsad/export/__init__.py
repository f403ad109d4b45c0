"""Exports analysts already use: ACLED, UCDP GED, GeoJSON and contract JSONL."""
