"""Bytes to plain data with source positions: decoding, pre-checks and a safe YAML load."""

from trygghet_cli.loading.document import Document, JsonPath, load_bytes, load_path

__all__ = ["Document", "JsonPath", "load_bytes", "load_path"]
