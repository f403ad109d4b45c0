"""Linking split into independent blocks (country x date window) that Dask workers link in parallel.

The linker (marsad.link.linker) compares a report only with incidents of its country (or of an
unknown country) whose days lie within a few days of its own (FAR_DAYS at most, beyond the days a
report says its incident went on). Two reports further apart than that, directly or through a chain
of reports in between, can never meet: the linker's result over all reports is the union of its
results over such groups. So the reports are cut into blocks:

- each report's reach is its days, from its first (moved back by the days it says the incident had
  gone on) to its last, widened by REACH_DAYS on both sides;
- reports of one country whose reaches overlap are one block; so the windows of a country are cut
  where no report's reach crosses (a quiet stretch), which is the overlap that keeps an incident
  at a window's edge whole;
- a report of unknown country joins every block whose reach it overlaps (the linker compares it
  with every country); an undated report joins every block of its country;
- all events of one article are one block (their indices and claims go together), and so are the
  reports of a stored incident and the article events it already records (incremental runs).

Each block is linked by `link_events` as it stands, so the outputs equal a single-process run's by
construction (tests/link/test_partition.py checks it on dev, public and wide); there are no merges
across block edges left to resolve. A dense country-year (Syria in a year of news) is one block:
what is parallel there is the countries and the quiet stretches, not arbitrary windows.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.link.features import LEAD_CHARS, continued_days, parse_day
from marsad.link.linker import link_events
from marsad.link.scoring import FAR_DAYS, FOLLOWUP_DAYS, NEAR_DAYS
from marsad.model import Article, Claim, Event
from marsad.reconcile.estimates import reconcile

# How far beyond its own days a report may find an incident: the widest look-up of the linker
# (FAR_DAYS at one place, FOLLOWUP_DAYS back for a follow-up, NEAR_DAYS otherwise), plus a day.
REACH_DAYS = max(FAR_DAYS, FOLLOWUP_DAYS, NEAR_DAYS) + 1


@dataclass
class Block:
    """One group of reports the linker can link on its own: article events (in run order), their
    claims, and the stored incidents they may join."""

    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    existing: list[Event] = field(default_factory=list)
    # the run's documents its articles may name (see `run_documents`); set: reconcile the block too
    run_docs: frozenset[str] | None = None

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(_doc(ev) for ev in self.events))

    def size(self) -> int:
        return len(self.events) + len(self.existing)


@dataclass(slots=True)
class BlockResult:
    """What linking a block gives back: its incidents, and the event id of each of its claims and
    article events (in block order)."""

    incidents: list[Event]
    claim_ids: list[str | None]
    event_ids: list[str | None]


def _doc(ev: Event) -> str:
    return ev.doc_ids[0] if ev.doc_ids else ""


def _country(ev: Event) -> str | None:
    return (ev.country or "").upper() or None


class _Union:
    def __init__(self, n: int) -> None:
        self.root = list(range(n))

    def find(self, i: int) -> int:
        while self.root[i] != i:
            self.root[i] = self.root[self.root[i]]
            i = self.root[i]
        return i

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.root[max(a, b)] = min(a, b)


def _reach(first: dt.date, last: dt.date) -> tuple[int, int]:
    pad = dt.timedelta(days=REACH_DAYS)
    return (first - pad).toordinal(), (last + pad).toordinal()


def _leads(article_events: list[Event], articles: Mapping[str, Article]) -> dict[str, str]:
    """The title and opening of each article with a one-day event (read a page at a time from a
    journal's articles): where the linker looks for "for the Nth day"."""
    wanted = list(dict.fromkeys(_doc(ev) for ev in article_events if (day := parse_day(ev.date)) is not None
                                and (parse_day(ev.date_end) or day) <= day))
    # a journal's articles: only these read (of 17,743 ANT reports, 4,128 texts instead of all, 1.0 -> 0.3 s
    # of the driver's time before the workers can start linking)
    read_many = getattr(articles, "read_many", None)
    got = read_many(wanted) if read_many is not None else {d: articles[d] for d in wanted if d in articles}
    return {d: f" {a.title or ''} {(a.text or '')[:LEAD_CHARS]}" for d, a in got.items()}


def _event_days(ev: Event, lead: str) -> tuple[dt.date, dt.date] | None:
    """The days the linker gives an article event: its date moved back by the days its report says
    the incident had gone on (features_of), to its end date."""
    day = parse_day(ev.date)
    if day is None:
        return None
    end = max(day, parse_day(ev.date_end) or day)
    if end == day:
        day -= dt.timedelta(days=continued_days(" ".join(s.text for s in ev.evidence) + lead))
    return day, end


def _stored_days(ev: Event) -> list[tuple[dt.date, dt.date]]:
    """The days of a stored incident and of each report it recorded."""
    out = []
    for first, last in [(ev.date, ev.date_end)] + [
            (link["at"].get("day"), link["at"].get("day_end")) for link in ev.links
            if isinstance(link.get("at"), dict)]:
        day = parse_day(first)
        if day is not None:
            out.append((day, max(day, parse_day(last) or day)))
    return out


def partition(article_events: list[Event], claims: list[Claim], articles: Mapping[str, Article],
              existing: list[Event] | None = None) -> list[Block]:
    """The independent blocks of a linking job (module docstring), largest first; every article
    event, claim of an event's article and stored incident is in exactly one block, in input order."""
    existing = existing or []
    leads = _leads(article_events, articles)
    nodes: list[tuple[str | None, list[tuple[int, int]]]] = []  # (country, reaches); [] = undated
    for ev in article_events:
        days = _event_days(ev, leads.get(_doc(ev), ""))
        nodes.append((_country(ev), [_reach(*days)] if days else []))
    n_events = len(article_events)
    for st in existing:
        nodes.append((_country(st), [_reach(a, b) for a, b in _stored_days(st)]))
    union = _Union(len(nodes))

    first_of_doc: dict[str, int] = {}
    member: dict[tuple[str, int], int] = {}
    position: dict[str, int] = defaultdict(int)
    for i, ev in enumerate(article_events):
        doc = _doc(ev)
        union.join(i, first_of_doc.setdefault(doc, i))
        member[(doc, position[doc])] = i
        position[doc] += 1
    for j, st in enumerate(existing, n_events):
        for link in st.links:
            i = member.get((link.get("doc_id"), link.get("event_index")))
            if i is not None:  # an article event the stored incident already holds re-attaches to it
                union.join(i, j)

    by_country: dict[str | None, list[tuple[int, int, int]]] = defaultdict(list)
    undated: dict[str | None, list[int]] = defaultdict(list)
    for i, (country, reaches) in enumerate(nodes):
        for lo, hi in reaches:
            by_country[country].append((lo, hi, i))
        if not reaches:
            undated[country].append(i)
    segments: dict[str | None, list[tuple[int, int, int]]] = {}  # country -> (lo, hi, a node) merged
    for country, spans in by_country.items():
        spans.sort()
        merged: list[tuple[int, int, int]] = []
        for lo, hi, i in spans:
            if merged and lo <= merged[-1][1]:
                union.join(merged[-1][2], i)
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi), merged[-1][2])
            else:
                merged.append((lo, hi, i))
        segments[country] = merged
    # a report of unknown country may be any country's: it joins what it overlaps anywhere
    for lo, hi, i in segments.get(None, []):
        for country, merged in segments.items():
            if country is None:
                continue
            k = bisect.bisect_right(merged, (hi, float("inf"), 0))
            while k > 0 and merged[k - 1][1] >= lo:
                union.join(i, merged[k - 1][2])
                k -= 1
    # an undated report is compared with every report of its country (unknown: of unknown country)
    for country, ids in undated.items():
        for i in [i for _, _, i in segments.get(country, [])] + ids:
            union.join(ids[0], i)

    blocks: dict[int, Block] = {}
    for i, ev in enumerate(article_events):
        blocks.setdefault(union.find(i), Block()).events.append(ev)
    for j, st in enumerate(existing, n_events):
        blocks.setdefault(union.find(j), Block()).existing.append(st)
    of_doc = {doc: union.find(i) for doc, i in first_of_doc.items()}
    for c in claims:
        root = of_doc.get(c.doc_id)
        if root is not None:
            blocks[root].claims.append(c)
    return sorted(blocks.values(), key=lambda b: -b.size())


def link_block(block: Block, articles: Mapping[str, Article] | Callable[[list[str]], Mapping[str, Article]]
               ) -> BlockResult:
    """Link one block with the single-process linker (on a worker: the block is its own copy).

    `articles`: the block's articles, or a function that fetches them by id (from the run journal)."""
    arts = articles(block.doc_ids) if callable(articles) else articles
    incidents = link_events(block.events, block.claims, arts, existing=block.existing)
    if block.run_docs is not None:  # its incidents' estimates, here rather than on the driver
        reconcile(incidents, block.claims, arts, run_docs=block.run_docs)
    return BlockResult(incidents, [c.event_id for c in block.claims], [e.event_id for e in block.events])


def run_documents(block: Block, duplicates: Mapping[str, str], run: Container[str]) -> frozenset[str]:
    """The run's documents (`run`) that reconciling `block` alone may ask about: its own, the originals
    its articles are duplicates of (`duplicates`: id -> original), and the reports of its stored
    incidents' toll timelines. Every other report of the run is in another block, and none of its
    claims counts here."""
    docs = set(block.doc_ids)
    docs.update(o for d in block.doc_ids if (o := duplicates.get(d)) is not None and o in run)
    for st in block.existing:
        docs.update(t["doc_id"] for e in st.estimates for t in e.timeline if t.get("doc_id") in run)
    return frozenset(docs)


def link_blocks(tasks: list[list[Block]], articles: Any) -> list[BlockResult]:
    """Link several small blocks in one task (each on its own)."""
    return [link_block(b, articles) for b in tasks]


def pack(blocks: list[Block], n_tasks: int) -> list[list[Block]]:
    """Blocks grouped into about `n_tasks` tasks of similar size (largest block first into the
    lightest task), so a thousand tiny blocks are not a thousand tasks."""
    tasks: list[list[Block]] = [[] for _ in range(max(1, min(n_tasks, len(blocks))))]
    load = [0] * len(tasks)
    for b in blocks:  # largest first (partition's order)
        k = load.index(min(load))
        tasks[k].append(b)
        load[k] += max(b.size(), 1)
    return [t for t in tasks if t]


def link_partitioned(article_events: list[Event], claims: list[Claim], articles: Mapping[str, Article],
                     existing: list[Event] | None = None, client: Any = None, fetch: Any = None,
                     tasks_per_worker: int = 4, on_block: Callable[[int, int], None] | None = None,
                     run_docs: Container[str] | None = None, duplicates: Mapping[str, str] | None = None
                     ) -> list[Event]:
    """`link_events` over independent blocks: the same incidents, event ids and claim event ids.

    `client`: a dask.distributed Client whose workers link the blocks (None: linked here, one after
    another). `fetch`: a picklable function giving the workers articles by id (the run journal);
    without it each task carries its blocks' articles. `on_block(done, total)`: progress.
    `run_docs`: the run's documents; given, each block is reconciled where it is linked (the same
    estimates as `reconcile` over the whole run), with `duplicates` (id -> original) its reposts.
    """
    blocks = partition(article_events, claims, articles, existing)
    if run_docs is not None:
        for b in blocks:
            b.run_docs = run_documents(b, duplicates or {}, run_docs)
    if client is None:
        results = []
        for k, b in enumerate(blocks):
            results.append(link_block(b, {d: articles[d] for d in b.doc_ids if d in articles}))
            if on_block is not None:
                on_block(k + 1, len(blocks))
    else:
        results = _on_workers(blocks, articles, client, fetch, tasks_per_worker, on_block)
    out: list[Event] = []
    for block, res in zip(blocks, results, strict=True):
        for c, eid in zip(block.claims, res.claim_ids, strict=True):
            c.event_id = eid
        for ev, eid in zip(block.events, res.event_ids, strict=True):
            ev.event_id = eid
        out.extend(res.incidents)
    out.sort(key=lambda e: (e.date or "9999", e.event_id or ""))
    return out


def _on_workers(blocks: list[Block], articles: Mapping[str, Article], client: Any, fetch: Any,
                tasks_per_worker: int, on_block: Callable[[int, int], None] | None) -> list[BlockResult]:
    from dask.distributed import as_completed

    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    tasks = pack(blocks, workers * tasks_per_worker)
    futures = {}
    for t in tasks:
        arts: Any = fetch if fetch is not None else {
            d: articles[d] for b in t for d in b.doc_ids if d in articles}
        futures[client.submit(link_blocks, t, arts, pure=False, retries=2)] = t
    by_block: dict[int, BlockResult] = {}
    done = 0
    for fut in as_completed(futures):
        for b, res in zip(futures[fut], fut.result(), strict=True):
            by_block[id(b)] = res
        done += len(futures[fut])
        if on_block is not None:
            on_block(done, len(blocks))
    return [by_block[id(b)] for b in blocks]


def copies(items: Iterable[Any]) -> list[Any]:
    """Deep copies (a linking run sets event ids on what it is given)."""
    return [copy.deepcopy(x) for x in items]
