"""The population base in one call: sources -> records -> identity -> places -> persons (issue 14).

Pure Python; ``cimtwin:fusepersons`` reads the tables and buildings through the bridge and calls
:func:`build`; the demo, the benchmark and the tests call it on the sample district.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..address.gazetteer import Gazetteer
from ..address.join import BuildingAddress
from ..address.parser import AddressParser
from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..progress import Progress, SubProgress, check_canceled
from .fuse import FuseResult, Places, fuse, place_records
from .identity import link
from .model import Identity, Reject, SourceRecord
from .sources import PopulationConfig, SourceTable, read_source

__all__ = ["Table", "Population", "build"]


@dataclass
class Table:
    """A source table as read: its name (file or layer), header and rows (cells as text or values)."""

    name: str
    header: list[str]
    rows: list[list]


@dataclass
class Population:
    """Everything one run made, for the outputs and the log."""

    tables: list[SourceTable]
    records: list[SourceRecord]
    identity: Identity
    places: Places
    result: FuseResult
    notes: list[Message] = field(default_factory=list)

    @property
    def source_rejects(self) -> list[Reject]:
        return [r for t in self.tables for r in t.rejects]


def build(tables: Sequence[Table], buildings: Iterable[BuildingAddress], secret: bytes, reference_date: date,
          config: PopulationConfig | None = None, tag_rules="", gazetteer: Gazetteer | None = None,
          building_communities: Mapping[str, str] | None = None, progress: Progress | None = None) -> Population:
    """Read every table (:func:`.sources.read_source`), link the records into persons
    (:func:`.identity.link`), place their addresses in the buildings (:func:`.fuse.place_records`) and fuse
    them (:func:`.fuse.fuse`). Progress: reading 0-10 %, identity 10-40 %, places 40-75 %, fusing 75-100 %.
    """
    if not tables:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "no source table was given"), code="no_sources")
    read: list[SourceTable] = []
    records: list[SourceRecord] = []
    notes: list[Message] = []
    for n, table in enumerate(tables):
        check_canceled(progress)
        source = read_source(table.header, table.rows, table.name, config)
        read.append(source)
        records.extend(source.records)
        notes.extend(source.notes)
        if progress is not None:
            progress.set_progress(10.0 * (n + 1) / len(tables))
    roles = [t.role for t in read]
    if not any(role != "enterprise" for role in roles):
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "no table of persons among the sources (only enterprises)"),  # noqa: E501
                              code="no_person_source")
    parser = None  # with a gazetteer of the user's, identity keeps to its built-in parser
    if gazetteer is None:  # one built-in gazetteer for the run: identity reads it before the joins add roads to it
        gazetteer = Gazetteer.builtin()
        parser = AddressParser(gazetteer)
    identity = link(records, secret, SubProgress(progress, 10.0, 30.0), parser=parser)
    places = place_records(records, buildings, gazetteer, identity, SubProgress(progress, 40.0, 35.0))
    result = fuse(records, identity, places, reference_date, priorities=config, tag_rules=tag_rules or (),
                  secret=secret, building_communities=building_communities,
                  source_rejects=[r for t in read for r in t.rejects], progress=SubProgress(progress, 75.0, 25.0))
    return Population(read, records, identity, places, result, notes + list(result.notes))
