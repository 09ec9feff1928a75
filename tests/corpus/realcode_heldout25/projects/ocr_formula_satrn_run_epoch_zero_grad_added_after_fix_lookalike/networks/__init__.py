"""part of look-alike project [LG006, LG014]: package marker of the recognisers (empty in the source)."""
# Source: pstage-ocr-team6/ocr-teamcode at 29a73a47 ("Fix zero grad omission.", PR #26, issue #24), networks/__init__.py.
