"""Reading articles from corpus JSONL, text/HTML files, RSS/Atom feeds and WARC archives."""
