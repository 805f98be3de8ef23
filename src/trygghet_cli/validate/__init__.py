"""Validation: every check layer (file, schema, references, rules, privacy, coverage).

`run` validates files, data roots or folders of roots; `workers` spreads the roots over the cores.
"""
