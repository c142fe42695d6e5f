"""Qualcode: qualitative coding with versioned codebooks and sound inter-coder agreement."""

__version__ = "0.1.0"
