"""Language data: versioned, commented YAML files under `marsad/lang/<lang>/`, loaded once.

Code never hard-codes a trigger word, alias, month name or place: it asks this module for the
data file that lists them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).parent
# libyaml's safe loader when PyYAML was built with it (7x faster on our files), else the pure one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str, lang: str = "ar") -> Any:
    """Parse `marsad/lang/<lang>/<name>.yaml` (cached: each file is read once per process)."""
    path = LANG_DIR / lang / f"{name}.yaml"
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)
