"""The English catalog: each module of this package defines ``MESSAGES`` for one area."""
