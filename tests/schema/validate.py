#!/usr/bin/python3
"""Validates JSON documents against a committed JSON Schema (Debian's python3-jsonschema).
Usage: validate.py SCHEMA.json DOCUMENT.json...   Exit 0 valid, 1 invalid (errors on stderr)."""
import json
import sys

import jsonschema


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    bad = 0
    for path in sys.argv[2:]:
        with open(path) as f:
            doc = json.load(f)
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
            bad += 1
            # For oneOf/anyOf failures the most specific sub-error says what is wrong; the
            # message itself would quote the whole (large) instance.
            error = jsonschema.exceptions.best_match([error]) if not error.context else \
                jsonschema.exceptions.best_match(error.context)
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            message = error.message if len(error.message) <= 300 else error.message[:300] + "..."
            print(f"{path}: {where}: {message}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
