"""The record schema: the one place where the contract's keys and value formats live.

Everything else (the pipeline's output, gold files, the JSON Schema in
`schemas/record.schema.json`) derives from these pydantic models.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

IsoDate = Annotated[str, Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Count = Annotated[int, Field(ge=0)]
Offset = Annotated[int, Field(ge=0)]

STRING_LIST_KEYS = (
    "sectors",
    "technology_fields",
    "s3_priority_areas",
    "emerging_industries",
    "services",
    "labels",
    "networks",
    "partner_clusters",
)
MEMBER_KEYS = ("total", "smes", "large_companies", "research_organisations", "other_actors")
SCALAR_KEYS = ("name", "country", "region", "city", "established")
SCORED_KEYS = (
    *SCALAR_KEYS,
    "members",
    *STRING_LIST_KEYS,
    "target_countries",
    "projects",
    "events",
    "people",
    "entities",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    path: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    format: Literal["text", "markdown", "html"]
    language: str | None = None
    chars: Count


class Members(_Strict):
    total: Count | None = None
    smes: Count | None = None
    large_companies: Count | None = None
    research_organisations: Count | None = None
    other_actors: Count | None = None


class Project(_Strict):
    name: str
    acronym: str | None = None
    code: str | None = None
    programme: str | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    duration_months: Count | None = None
    partners: list[str] = []


class Event(_Strict):
    title: str
    date: IsoDate
    end_date: IsoDate | None = None
    location: str | None = None


class Person(_Strict):
    name: str
    role: str | None = None
    organisation: str | None = None


EntityLabel = Literal["ORG", "PERSON", "GPE"]


class Entity(_Strict):
    text: str
    label: EntityLabel
    start: Offset
    end: Offset


class GoldEntity(_Strict):
    text: str
    label: EntityLabel


class Record(_Strict):
    """One profile, as the pipeline writes it (contract section 1); key order is the contract's."""

    id: str
    source: Source
    name: str | None = None
    aliases: list[str] = []
    country: CountryCode | None = None
    region: str | None = None
    city: str | None = None
    established: IsoDate | None = None
    members: Members = Members()
    sectors: list[str] = []
    technology_fields: list[str] = []
    s3_priority_areas: list[str] = []
    emerging_industries: list[str] = []
    services: list[str] = []
    labels: list[str] = []
    networks: list[str] = []
    partner_clusters: list[str] = []
    target_countries: list[CountryCode] = []
    projects: list[Project] = []
    events: list[Event] = []
    people: list[Person] = []
    entities: list[Entity] = []
    evidence: dict[str, tuple[Offset, Offset]] = {}
    warnings: list[str] = []

    def to_json(self) -> str:
        """Deterministic JSON: contract key order, evidence sorted, UTF-8, trailing newline."""
        return self._ordered().model_dump_json(indent=2) + "\n"  # pydantic's serialiser: same text as json.dumps, 6x faster

    def to_line(self) -> str:
        """The same JSON on one compact line (dataset.jsonl), no newline."""
        return self._ordered().model_dump_json()

    def _ordered(self) -> "Record":
        return self.model_copy(update={"evidence": dict(sorted(self.evidence.items()))})


# A hand-labelled gold file (contract section 2): the record's scored keys, entities without offsets.
GoldRecord = create_model(
    "GoldRecord",
    __base__=_Strict,
    __doc__="A hand-labelled gold file (contract section 2): the scored keys only.",
    **{key: (Record.model_fields[key].annotation, Record.model_fields[key]) for key in SCORED_KEYS if key != "entities"},
    entities=(list[GoldEntity], []),
)


def record_json_schema() -> dict:
    """The JSON Schema committed as `schemas/record.schema.json`."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "record.schema.json"
    return schema


def gold_json_schema() -> dict:
    schema = GoldRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "gold.schema.json"
    return schema
