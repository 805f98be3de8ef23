"""Printers: findings and tables as text, JSON, GitHub annotations, JUnit XML, CSV, Markdown."""
