"""한국어 catalog: each module of this package defines ``MESSAGES`` for one area."""
