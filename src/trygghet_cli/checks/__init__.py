"""Validation layers; each takes loaded documents or the model and returns findings."""
