"""Validators for qbank's JSON Schemas that resolve references between them
(search.schema.json takes a hit's sections from record.schema.json)."""

import json
from pathlib import Path

import jsonschema


def validator(folder, name):
    """A Draft 2020-12 validator for `name` in `folder`, its sibling schemas known by their $id."""
    schemas = {p.name: json.loads(p.read_text()) for p in Path(folder).glob("*.schema.json")}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    schema = schemas[name]
    store = {s["$id"]: s for s in schemas.values()}
    try:
        from referencing import Registry, Resource  # jsonschema 4.18 and later
        registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in store.items())
        return jsonschema.Draft202012Validator(schema, registry=registry)
    except ImportError:  # Debian 12's jsonschema 4.10
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        return jsonschema.Draft202012Validator(schema, resolver=resolver)
