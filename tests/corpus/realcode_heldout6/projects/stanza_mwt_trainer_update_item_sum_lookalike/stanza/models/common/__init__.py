"""part of look-alike project [LG001, LG006, LG007]: an empty package file."""
# Source: stanfordnlp/stanza@1f4bfdd2bff400969444cf9f290d402448c9d6d5 stanza/models/common/__init__.py (empty)
