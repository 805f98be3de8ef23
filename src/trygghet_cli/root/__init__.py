"""The data root: find it, read its config, load and check every file (with the cache)."""
